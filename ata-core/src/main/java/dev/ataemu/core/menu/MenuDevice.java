package dev.ataemu.core.menu;

import dev.ataemu.core.device.MacAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** What the voice menu reads of the device and what it may make it do. */
public interface MenuDevice {

    /** The device (LAN) MAC, the one printed on the unit, read by option 10 and keyed for a reset (IVR-31). */
    MacAddress mac();

    /** The running firmware's Program version, as option 16 reads it. */
    String programVersion();

    /** The WAN address in use, once the device has one. */
    Optional<InetAddress> wanAddress();

    /** The DNS servers the network offered (used when the device takes its addresses from DHCP). */
    List<InetSocketAddress> offeredDns();

    /** A service provider's lock, which keeps the unit from being reset to factory defaults (RST-08). */
    boolean providerLocked();

    /**
     * Whether the port's account must register before it calls and is not registered ("Outgoing Call
     * without Registration" No): the lifted phone then hears "Device not registered" (IVR-33).
     */
    boolean refusesCallsUnregistered(int port);

    void reboot();

    /** Restores every factory default, then reboots. */
    void factoryReset();
}
