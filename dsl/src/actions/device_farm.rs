//! `Test / AWS / DeviceFarm / 1`: tests an app on a pool of real devices.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::PathInput;
use crate::model::Str;
use crate::providers::{
    self,
    device_farm::{DeviceFarmAppType, DeviceFarmTestType},
};
use crate::text::Text;
use crate::variables::NoVariables;

/// A radio of the test devices, on or off during a Device Farm run (all are
/// on unless set); see [`DeviceFarmTest::radio`].
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(DeviceFarmRadio::Gps.key(), "RadioGpsEnabled");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeviceFarmRadio {
    /// `RadioBluetoothEnabled`.
    Bluetooth,
    /// `RadioWifiEnabled`.
    Wifi,
    /// `RadioNfcEnabled`.
    Nfc,
    /// `RadioGpsEnabled`.
    Gps,
}

impl DeviceFarmRadio {
    /// The configuration key that turns the radio on or off.
    pub const fn key(self) -> &'static str {
        match self {
            DeviceFarmRadio::Bluetooth => "RadioBluetoothEnabled",
            DeviceFarmRadio::Wifi => "RadioWifiEnabled",
            DeviceFarmRadio::Nfc => "RadioNfcEnabled",
            DeviceFarmRadio::Gps => "RadioGpsEnabled",
        }
    }
}

/// `Test / AWS / DeviceFarm / 1`: runs the tests of an app, both files of
/// the action's only input artifact, on the devices of a device pool.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let build = p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact()).output("App")));
///     p.stage("Test", |s| {
///         s.add(DeviceFarmTest::new(
///             "Devices",
///             "eec4905f-98f8-40aa-9afc-4c1cfexample",
///             "arn:aws:devicefarm:us-west-2:123456789012:devicepool:example",
///             DeviceFarmAppType::Android,
///             build.artifact().path("app-release.apk"),
///             DeviceFarmTestType::AppiumPython,
///         )
///         .test(build.artifact().path("tests.zip"))
///         .radio(DeviceFarmRadio::Nfc, false))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct DeviceFarmTest<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> DeviceFarmTest<'p> {
    /// Tests `app` (`App`, a file inside an artifact, which becomes the
    /// input) of `app_type` with `test_type` in the Device Farm project
    /// `project_id`, on the devices of `device_pool_arn`.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Ios,
    ///             source.artifact().path("app.ipa"), DeviceFarmTestType::BuiltinFuzz))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["App"], "app.ipa");
    /// assert_eq!(configuration["TestType"], "BUILTIN_FUZZ");
    /// ```
    pub fn new(
        name: impl Into<Str>,
        project_id: impl Into<Text<'p>>,
        device_pool_arn: impl Into<Text<'p>>,
        app_type: DeviceFarmAppType,
        app: impl PathInput<'p>,
        test_type: DeviceFarmTestType,
    ) -> Self {
        let mut spec = providers::DEVICE_FARM.action(name);
        spec.set("AppType", app_type.as_str());
        spec.set("ProjectId", project_id);
        spec.set_file("App", app.into_path());
        spec.set("DevicePoolArn", device_pool_arn);
        spec.set("TestType", test_type.as_str());
        DeviceFarmTest { spec }
    }

    /// `Test`: the test package, a file inside the same artifact as the app.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Android,
    ///             source.artifact().path("app.apk"), DeviceFarmTestType::Instrumentation)
    ///             .test(source.artifact().path("tests.apk")))
    ///     });
    /// });
    /// let action = &pipeline.declaration().stages[1].actions[0];
    /// assert_eq!(action.configuration.as_ref().unwrap()["Test"], "tests.apk");
    /// assert_eq!(action.input_artifacts.as_ref().unwrap().len(), 1);
    /// ```
    pub fn test(mut self, package: impl PathInput<'p>) -> Self {
        self.spec.set_file("Test", package.into_path());
        self
    }

    /// `AppiumVersion`: the Appium version (AWS does not process the value
    /// and uses its default).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Android,
    ///             source.artifact().path("app.apk"), DeviceFarmTestType::AppiumJavaJunit).appium_version("1.7.2"))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["AppiumVersion"], "1.7.2");
    /// ```
    pub fn appium_version(mut self, version: impl Into<Text<'p>>) -> Self {
        self.spec.set("AppiumVersion", version);
        self
    }

    /// Turns a radio of the devices on or off (`Radio<Name>Enabled`).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Android,
    ///             source.artifact().path("app.apk"), DeviceFarmTestType::BuiltinExplorer)
    ///             .radio(DeviceFarmRadio::Bluetooth, false))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["RadioBluetoothEnabled"], "false");
    /// ```
    pub fn radio(mut self, radio: DeviceFarmRadio, enabled: bool) -> Self {
        self.spec.set(radio.key(), enabled.to_string());
        self
    }

    /// `RecordAppPerformanceData` and `RecordVideo`: whether the run records
    /// the app's performance data (CPU, memory, threads) and a video.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Android,
    ///             source.artifact().path("app.apk"), DeviceFarmTestType::BuiltinExplorer)
    ///             .record(true, false))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["RecordAppPerformanceData"], "true");
    /// assert_eq!(configuration["RecordVideo"], "false");
    /// ```
    pub fn record(mut self, app_performance_data: bool, video: bool) -> Self {
        self.spec.set("RecordAppPerformanceData", app_performance_data.to_string());
        self.spec.set("RecordVideo", video.to_string());
        self
    }

    /// `UnmeteredDevicesOnly`: whether the run uses only the account's
    /// unmetered device slots.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Android,
    ///             source.artifact().path("app.apk"), DeviceFarmTestType::BuiltinExplorer)
    ///             .unmetered_devices_only(true))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["UnmeteredDevicesOnly"], "true");
    /// ```
    pub fn unmetered_devices_only(mut self, unmetered: bool) -> Self {
        self.spec.set("UnmeteredDevicesOnly", unmetered.to_string());
        self
    }

    /// `JobTimeoutMinutes`: minutes each device's test job may take.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Android,
    ///             source.artifact().path("app.apk"), DeviceFarmTestType::BuiltinExplorer)
    ///             .job_timeout_minutes(30))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["JobTimeoutMinutes"], "30");
    /// ```
    pub fn job_timeout_minutes(mut self, minutes: u32) -> Self {
        self.spec.set("JobTimeoutMinutes", minutes.to_string());
        self
    }

    /// `FuzzEventCount`, `FuzzEventThrottle` and `FuzzRandomizerSeed`: how
    /// many UI events a built-in fuzz test sends, the milliseconds between
    /// them, and the seed that makes the sequence repeatable.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Android,
    ///             source.artifact().path("app.apk"), DeviceFarmTestType::BuiltinFuzz)
    ///             .fuzz(6000, 50, 1234))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["FuzzEventCount"], "6000");
    /// assert_eq!(configuration["FuzzEventThrottle"], "50");
    /// assert_eq!(configuration["FuzzRandomizerSeed"], "1234");
    /// ```
    pub fn fuzz(mut self, event_count: u32, event_throttle_ms: u32, randomizer_seed: u32) -> Self {
        self.spec.set("FuzzEventCount", event_count.to_string());
        self.spec.set("FuzzEventThrottle", event_throttle_ms.to_string());
        self.spec.set("FuzzRandomizerSeed", randomizer_seed.to_string());
        self
    }

    /// `Latitude` and `Longitude`: the location the devices report.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Android,
    ///             source.artifact().path("app.apk"), DeviceFarmTestType::BuiltinExplorer)
    ///             .location(47.6204, -122.3491))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["Latitude"], "47.6204");
    /// assert_eq!(configuration["Longitude"], "-122.3491");
    /// ```
    pub fn location(mut self, latitude: f64, longitude: f64) -> Self {
        self.spec.set("Latitude", latitude.to_string());
        self.spec.set("Longitude", longitude.to_string());
        self
    }

    /// `CustomHostMachineArtifacts` and `CustomDeviceArtifacts`: where on the
    /// host machine and on the device the tests write files Device Farm
    /// keeps.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Test", |s| {
    ///         s.add(DeviceFarmTest::new("Devices", "project-id", "arn:pool", DeviceFarmAppType::Android,
    ///             source.artifact().path("app.apk"), DeviceFarmTestType::AppiumPython)
    ///             .custom_artifacts("/tmp/host-out", "/sdcard/out"))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["CustomHostMachineArtifacts"], "/tmp/host-out");
    /// assert_eq!(configuration["CustomDeviceArtifacts"], "/sdcard/out");
    /// ```
    pub fn custom_artifacts(mut self, host_machine: impl Into<Text<'p>>, device: impl Into<Text<'p>>) -> Self {
        self.spec.set("CustomHostMachineArtifacts", host_machine);
        self.spec.set("CustomDeviceArtifacts", device);
        self
    }
}

typed_action!(DeviceFarmTest<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
