//! Reading and writing the `AWS::CodePipeline::Pipeline` resource of a CloudFormation template.
