package dev.ataemu.sip.call;

/** What the firmware does with an incoming call; implemented in ata-core. Called on the device's scheduler. */
public interface CallHandler {

    CallHandler REJECT = call -> call.reject(480);

    void incoming(IncomingCall call);
}
