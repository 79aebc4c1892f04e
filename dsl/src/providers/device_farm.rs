//! AWS Device Farm: `Test / AWS / DeviceFarm / 1`.

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::ActionCategory;

/// `Test / AWS / DeviceFarm / 1`: runs tests of an app on a pool of devices.
///
/// `AppiumVersion` is listed as required by the action reference but AWS
/// does not process its value; pipewright treats it as optional so that
/// actions without it are not reported.
pub static DEVICE_FARM: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Test], "DeviceFarm", artifacts(1, 1), artifacts(0, 0))
        .configuration(&[
            ConfigKey::required("AppType").one_of(wire_values!(DeviceFarmAppType)),
            ConfigKey::required("ProjectId"),
            ConfigKey::required("App"),
            ConfigKey::required("DevicePoolArn"),
            ConfigKey::required("TestType").one_of(wire_values!(DeviceFarmTestType)),
            ConfigKey::optional("AppiumVersion"),
            ConfigKey::optional("Test"),
            ConfigKey::optional("RadioBluetoothEnabled").boolean(),
            ConfigKey::optional("RadioWifiEnabled").boolean(),
            ConfigKey::optional("RadioNfcEnabled").boolean(),
            ConfigKey::optional("RadioGpsEnabled").boolean(),
            ConfigKey::optional("RecordAppPerformanceData").boolean(),
            ConfigKey::optional("RecordVideo").boolean(),
            ConfigKey::optional("UnmeteredDevicesOnly").boolean(),
            ConfigKey::optional("FuzzEventCount"),
            ConfigKey::optional("FuzzEventThrottle"),
            ConfigKey::optional("FuzzRandomizerSeed"),
            ConfigKey::optional("CustomHostMachineArtifacts"),
            ConfigKey::optional("CustomDeviceArtifacts"),
            ConfigKey::optional("JobTimeoutMinutes"),
            ConfigKey::optional("Latitude"),
            ConfigKey::optional("Longitude"),
        ])
        .permissions(Permissions {
            mode: None,
            statements: &[Permission::allow(
                &[
                    "devicefarm:CreateUpload",
                    "devicefarm:GetRun",
                    "devicefarm:GetUpload",
                    "devicefarm:ListDevicePools",
                    "devicefarm:ListProjects",
                    "devicefarm:ScheduleRun",
                ],
                Resource::Any,
            )],
        });

/// The kind of app a Device Farm action tests (`AppType`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(DeviceFarmAppType::Ios.as_str(), "iOS");
/// assert_eq!(DeviceFarmAppType::ALL.len(), 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeviceFarmAppType {
    /// `iOS`: an `.ipa` file.
    Ios,
    /// `Android`: an `.apk` file.
    Android,
    /// `Web`: a web app (no app file is uploaded).
    Web,
}

impl DeviceFarmAppType {
    /// Every app type, in AWS's order.
    pub const ALL: [DeviceFarmAppType; 3] =
        [DeviceFarmAppType::Ios, DeviceFarmAppType::Android, DeviceFarmAppType::Web];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            DeviceFarmAppType::Ios => "iOS",
            DeviceFarmAppType::Android => "Android",
            DeviceFarmAppType::Web => "Web",
        }
    }
}

/// The test framework of a Device Farm action (`TestType`);
/// `WEB_PERFORMANCE_PROFILE` is left out, as AWS does not support it.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(DeviceFarmTestType::AppiumPython.as_str(), "APPIUM_PYTHON");
/// assert_eq!(DeviceFarmTestType::ALL.len(), 14);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeviceFarmTestType {
    /// `APPIUM_JAVA_JUNIT`.
    AppiumJavaJunit,
    /// `APPIUM_JAVA_TESTNG`.
    AppiumJavaTestng,
    /// `APPIUM_PYTHON`.
    AppiumPython,
    /// `APPIUM_WEB_JAVA_JUNIT`.
    AppiumWebJavaJunit,
    /// `APPIUM_WEB_JAVA_TESTNG`.
    AppiumWebJavaTestng,
    /// `APPIUM_WEB_PYTHON`.
    AppiumWebPython,
    /// `BUILTIN_EXPLORER`: Device Farm explores the app on its own.
    BuiltinExplorer,
    /// `BUILTIN_FUZZ`: random UI events.
    BuiltinFuzz,
    /// `CALABASH`.
    Calabash,
    /// `INSTRUMENTATION`: Android instrumentation tests.
    Instrumentation,
    /// `UIAUTOMATION`.
    Uiautomation,
    /// `UIAUTOMATOR`.
    Uiautomator,
    /// `XCTEST`.
    Xctest,
    /// `XCTEST_UI`.
    XctestUi,
}

impl DeviceFarmTestType {
    /// Every test type, in AWS's order.
    pub const ALL: [DeviceFarmTestType; 14] = [
        DeviceFarmTestType::AppiumJavaJunit,
        DeviceFarmTestType::AppiumJavaTestng,
        DeviceFarmTestType::AppiumPython,
        DeviceFarmTestType::AppiumWebJavaJunit,
        DeviceFarmTestType::AppiumWebJavaTestng,
        DeviceFarmTestType::AppiumWebPython,
        DeviceFarmTestType::BuiltinExplorer,
        DeviceFarmTestType::BuiltinFuzz,
        DeviceFarmTestType::Calabash,
        DeviceFarmTestType::Instrumentation,
        DeviceFarmTestType::Uiautomation,
        DeviceFarmTestType::Uiautomator,
        DeviceFarmTestType::Xctest,
        DeviceFarmTestType::XctestUi,
    ];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            DeviceFarmTestType::AppiumJavaJunit => "APPIUM_JAVA_JUNIT",
            DeviceFarmTestType::AppiumJavaTestng => "APPIUM_JAVA_TESTNG",
            DeviceFarmTestType::AppiumPython => "APPIUM_PYTHON",
            DeviceFarmTestType::AppiumWebJavaJunit => "APPIUM_WEB_JAVA_JUNIT",
            DeviceFarmTestType::AppiumWebJavaTestng => "APPIUM_WEB_JAVA_TESTNG",
            DeviceFarmTestType::AppiumWebPython => "APPIUM_WEB_PYTHON",
            DeviceFarmTestType::BuiltinExplorer => "BUILTIN_EXPLORER",
            DeviceFarmTestType::BuiltinFuzz => "BUILTIN_FUZZ",
            DeviceFarmTestType::Calabash => "CALABASH",
            DeviceFarmTestType::Instrumentation => "INSTRUMENTATION",
            DeviceFarmTestType::Uiautomation => "UIAUTOMATION",
            DeviceFarmTestType::Uiautomator => "UIAUTOMATOR",
            DeviceFarmTestType::Xctest => "XCTEST",
            DeviceFarmTestType::XctestUi => "XCTEST_UI",
        }
    }
}
