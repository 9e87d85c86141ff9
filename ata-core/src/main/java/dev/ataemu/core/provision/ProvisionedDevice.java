package dev.ataemu.core.provision;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.firmware.FirmwareImage;
import dev.ataemu.time.Scheduler;

/** What provisioning works on: the device's identity and store, and its way of flashing an image. */
public interface ProvisionedDevice {

    String modelId();

    /** The device (LAN) MAC, 12 lower-case hex digits: it names the configuration files. */
    String mac();

    /** The running firmware's Program version. */
    String programVersion();

    ParameterStore store();

    Scheduler scheduler();

    /** The device's wall clock, in its time zone: the daily and weekly checks follow it. */
    java.time.Clock wallClock();

    /** Writes the image to flash and reboots into it; when it cannot be written, runs on and tells {@code failed} why. */
    void upgrade(FirmwareImage image, java.util.function.Consumer<String> failed);

    /** Tells the device's syslog what a pass did; {@code problem} for what it refused or could not fetch. */
    void log(boolean problem, String message);
}
