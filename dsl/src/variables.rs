//! Output variables of actions and pipeline-level variables.

use std::fmt;
use std::marker::PhantomData;

use crate::action_ref::{ActionRef, Brand};

/// A reference to an output variable, rendered `#{namespace.Key}`.
///
/// Get one from an action handle (`source.vars().commit_id()`); only
/// variables that the provider really emits have a method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Var<'p> {
    pub(crate) producer: Option<ActionRef<'p>>,
    pub(crate) namespace: String,
    pub(crate) key: String,
}

impl<'p> Var<'p> {
    /// A variable of the action `producer`, published under `namespace`.
    /// Only the variable sets make one: a typed provider's set has a method
    /// per variable it emits, and [`NamedVariables::get`] names the variables
    /// of actions whose variables the user defines (CodeBuild exports,
    /// stack outputs, generic and custom actions).
    pub(crate) fn of(producer: ActionRef<'p>, namespace: &str, key: &str) -> Var<'p> {
        Var { producer: Some(producer), namespace: namespace.to_owned(), key: key.to_owned() }
    }

    /// `#{codepipeline.PipelineExecutionId}`, the ID of the running execution.
    pub fn execution_id() -> Var<'p> {
        Var { producer: None, namespace: "codepipeline".into(), key: "PipelineExecutionId".into() }
    }

    /// The variable's key, e.g. `CommitId`.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl fmt::Display for Var<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{{{}.{}}}", self.namespace, self.key)
    }
}

/// A pipeline-level variable (V2), rendered `#{variables.NAME}`; returned by
/// [`crate::PipelineBuilder::variable`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipelineVar<'p> {
    pub(crate) name: String,
    pub(crate) brand: Brand<'p>,
}

impl fmt::Display for PipelineVar<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{{variables.{}}}", self.name)
    }
}

/// The typed set of output variables a provider emits.
pub trait VariableSet<'p> {
    /// The keys of the variables the set names, in declaration order (empty
    /// when the user names them).
    const NAMES: &'static [&'static str] = &[];

    /// The set of the action `producer`, published under `namespace`.
    fn new(producer: ActionRef<'p>, namespace: &str) -> Self;
}

/// The variable set of an action that emits no variables.
#[derive(Clone, Copy, Debug)]
pub struct NoVariables;

impl<'p> VariableSet<'p> for NoVariables {
    fn new(_: ActionRef<'p>, _: &str) -> Self {
        NoVariables
    }
}

/// Variables whose names the user defines: CodeBuild `exported-variables`,
/// CloudFormation stack outputs, Lambda `outputVariables`.
#[derive(Clone, Debug)]
pub struct NamedVariables<'p> {
    producer: ActionRef<'p>,
    namespace: String,
    brand: PhantomData<Brand<'p>>,
}

impl<'p> NamedVariables<'p> {
    /// The variable `name`, e.g. the buildspec's exported `IMAGE_TAG`.
    pub fn get(&self, name: &str) -> Var<'p> {
        Var::of(self.producer, &self.namespace, name)
    }
}

impl<'p> VariableSet<'p> for NamedVariables<'p> {
    fn new(producer: ActionRef<'p>, namespace: &str) -> Self {
        NamedVariables { producer, namespace: namespace.to_owned(), brand: PhantomData }
    }
}

/// Declares a provider's fixed set of output variables as a struct with one
/// method per variable.
macro_rules! variable_set {
    ($(#[$meta:meta])* $name:ident { $($(#[$doc:meta])* $method:ident => $key:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $name<'p> {
            producer: $crate::action_ref::ActionRef<'p>,
            namespace: String,
        }

        impl<'p> $crate::variables::VariableSet<'p> for $name<'p> {
            const NAMES: &'static [&'static str] = &[$($key),*];

            fn new(producer: $crate::action_ref::ActionRef<'p>, namespace: &str) -> Self {
                $name { producer, namespace: namespace.to_owned() }
            }
        }

        impl<'p> $name<'p> {
            $(
                $(#[$doc])*
                pub fn $method(&self) -> $crate::variables::Var<'p> {
                    $crate::variables::Var::of(self.producer, &self.namespace, $key)
                }
            )*
        }
    };
}
pub(crate) use variable_set;
