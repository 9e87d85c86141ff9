package dev.ataemu.ivr;

import dev.ataemu.ivr.option.AddressEntry;
import dev.ataemu.ivr.option.AddressOption;
import dev.ataemu.ivr.option.Choice;
import dev.ataemu.ivr.option.CycleOption;
import dev.ataemu.ivr.option.DirectIpOption;
import dev.ataemu.ivr.option.MenuContext;
import dev.ataemu.ivr.option.MenuOption;
import dev.ataemu.ivr.option.ReadOutOption;
import dev.ataemu.ivr.option.ResetOption;
import dev.ataemu.ivr.option.VoicemailOption;
import dev.ataemu.ivr.speech.Phrase;
import dev.ataemu.ivr.speech.Word;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of a model's voice menu, in the order {@code *} steps through them (IVR-05): HT502
 * 01-05, 07, 10, 12-17, 47, 99; the HT813 the same with its own choices and 86 before 99. Each
 * option reads and writes the P-values the web pages show.
 */
final class MenuTree {

    private static final int IP_MODE = 8;
    private static final int STATIC_IP = 9;
    private static final int SUBNET_MASK = 13;
    private static final int GATEWAY = 17;
    private static final int DNS_1 = 21;
    private static final int WAN_WEB_ACCESS = 190;
    private static final int FIRMWARE_SERVER = 192;
    private static final int CONFIG_SERVER = 237;
    private static final int UPGRADE_PROTOCOL = 212;
    private static final int FIRMWARE_CHECK = 238;
    private static final String NO_ADDRESS = "0.0.0.0";

    private final List<MenuOption> options;

    private MenuTree(List<MenuOption> options) {
        this.options = List.copyOf(options);
    }

    static MenuTree forModel(String modelId) {
        boolean ht813 = "HT813".equals(modelId);
        List<MenuOption> options = new ArrayList<>();
        options.add(new CycleOption("01", null, port -> IP_MODE, ht813
                ? List.of(new Choice("0", Word.DHCP_MODE), new Choice("1", Word.STATIC_IP_MODE), new Choice("2", Word.PPPOE_MODE))
                : List.of(new Choice("0", Word.DHCP_MODE), new Choice("1", Word.STATIC_IP_MODE)),
                Map.of("2", Word.PPPOE_MODE)));
        options.add(new AddressOption("02", Word.IP_ADDRESS, MenuTree::wanAddress, MenuTree::staticMode,
                address -> octets(STATIC_IP, address)));
        options.add(new AddressOption("03", Word.SUBNET, menu -> staticOctets(menu, SUBNET_MASK), MenuTree::staticMode,
                address -> octets(SUBNET_MASK, address)));
        options.add(new AddressOption("04", Word.GATEWAY, menu -> staticOctets(menu, GATEWAY), MenuTree::staticMode,
                address -> octets(GATEWAY, address)));
        options.add(new AddressOption("05", Word.DNS_SERVER, MenuTree::dnsServer, MenuTree::staticMode,
                address -> octets(DNS_1, address)));
        options.add(new CycleOption("07", Word.PREFERRED_VOCODER, port -> port == 2 ? 757 : 57, ht813
                ? List.of(new Choice("0", Word.PCMU), new Choice("8", Word.PCMA), new Choice("97", Word.ILBC),
                        new Choice("2", Word.G726), new Choice("4", Word.G723), new Choice("18", Word.G729),
                        new Choice("123", Word.OPUS))
                : List.of(new Choice("0", Word.PCMU), new Choice("8", Word.PCMA), new Choice("98", Word.ILBC),
                        new Choice("2", Word.G726), new Choice("4", Word.G723), new Choice("18", Word.G729)),
                // The HT502's other vocoders, named by their family.
                Map.of("99", Word.G729, "100", Word.G726, "102", Word.G726, "103", Word.G726, "104", Word.G726)));
        options.add(new ReadOutOption("10", menu -> Phrase.of(Word.MAC_ADDRESS)
                .then(Phrase.spelled(menu.line().device().mac().compact()))));
        options.add(new CycleOption("12", Word.WAN_WEB_ACCESS, port -> WAN_WEB_ACCESS, ht813
                ? List.of(new Choice("2", Word.AUTO), new Choice("1", Word.ENABLED), new Choice("0", Word.DISABLED))
                : List.of(new Choice("0", Word.DISABLED), new Choice("1", Word.ENABLED)), Map.of()));
        options.add(new AddressOption("13", Word.FIRMWARE_SERVER, menu -> serverAddress(menu, FIRMWARE_SERVER),
                menu -> true, address -> Map.of("P" + FIRMWARE_SERVER, address)));
        options.add(new AddressOption("14", Word.CONFIG_SERVER, menu -> serverAddress(menu, CONFIG_SERVER),
                menu -> true, address -> Map.of("P" + CONFIG_SERVER, address)));
        options.add(new CycleOption("15", Word.UPGRADE_PROTOCOL, port -> UPGRADE_PROTOCOL, ht813
                ? List.of(new Choice("0", Word.TFTP), new Choice("1", Word.HTTP), new Choice("3", Word.FTP),
                        new Choice("4", Word.FTPS), new Choice("2", Word.HTTPS))
                : List.of(new Choice("0", Word.TFTP), new Choice("1", Word.HTTP)), Map.of("2", Word.HTTPS)));
        options.add(new ReadOutOption("16", menu -> Phrase.of(Word.FIRMWARE_VERSION)
                .then(Phrase.spelled(menu.line().device().programVersion()))));
        options.add(new CycleOption("17", Word.UPGRADE_MODE, port -> FIRMWARE_CHECK, List.of(
                new Choice("0", Word.ALWAYS_CHECK), new Choice("1", Word.CHECK_WHEN_CHANGED),
                new Choice("2", Word.NEVER_UPGRADE)), Map.of()));
        options.add(new DirectIpOption());
        if (ht813) {
            options.add(new VoicemailOption());
        }
        options.add(new ResetOption());
        return new MenuTree(options);
    }

    Optional<MenuOption> find(String number) {
        return options.stream().filter(option -> option.number().equals(number)).findFirst();
    }

    /** The option {@code *} moves to from {@code current}; from the main menu (null), the first. */
    MenuOption after(MenuOption current) {
        return current == null ? options.get(0) : options.get((options.indexOf(current) + 1) % options.size());
    }

    List<String> numbers() {
        return options.stream().map(MenuOption::number).toList();
    }

    /** Options 02 to 05 take new addresses in static IP mode only (GAP-38). */
    private static boolean staticMode(MenuContext menu) {
        return menu.line().store().getIntOr(IP_MODE, 0) == 1;
    }

    /** The WAN address in use; 0.0.0.0 while there is none (IVR-39). */
    private static Optional<String> wanAddress(MenuContext menu) {
        return Optional.of(menu.line().device().wanAddress().filter(Inet4Address.class::isInstance)
                .map(java.net.InetAddress::getHostAddress).orElse(NO_ADDRESS));
    }

    /** A static setting's four octets in static IP mode; 0.0.0.0 in the other modes, which learn it from the network. */
    private static Optional<String> staticOctets(MenuContext menu, int first) {
        if (!staticMode(menu)) {
            return Optional.of(NO_ADDRESS);
        }
        var store = menu.line().store();
        return Optional.of(store.get(first) + "." + store.get(first + 1) + "." + store.get(first + 2) + "."
                + store.get(first + 3));
    }

    private static Optional<String> dnsServer(MenuContext menu) {
        if (staticMode(menu)) {
            return staticOctets(menu, DNS_1);
        }
        return Optional.of(menu.line().device().offeredDns().stream().map(server -> server.getAddress())
                .filter(Inet4Address.class::isInstance).map(java.net.InetAddress::getHostAddress)
                .findFirst().orElse(NO_ADDRESS));
    }

    /** The server's IPv4 address when the path names one ({@code 192.168.1.5/gs}); empty for a host name. */
    private static Optional<String> serverAddress(MenuContext menu, int path) {
        String host = menu.line().store().get(path).strip().replaceFirst("^[a-zA-Z]+://", "").split("[/:]", 2)[0];
        return AddressEntry.octets(host).isPresent() ? Optional.of(host) : Optional.empty();
    }

    private static Map<String, String> octets(int first, String address) {
        int[] octets = AddressEntry.octets(address).orElseThrow();
        return Map.of("P" + first, String.valueOf(octets[0]), "P" + (first + 1), String.valueOf(octets[1]),
                "P" + (first + 2), String.valueOf(octets[2]), "P" + (first + 3), String.valueOf(octets[3]));
    }
}
