package dev.ataemu.ivr.speech;

import java.util.Locale;

/**
 * Every recorded prompt of the voice menu. Each is a file {@code <name in lower case>.wav} in the
 * folder of a language, made by {@code ata-ivr/prompts/generate.sh} from that language's table.
 */
public enum Word {
    ENTER_MENU_OPTION, INVALID_ENTRY, DEVICE_NOT_REGISTERED, REBOOT_TO_APPLY,
    DHCP_MODE, STATIC_IP_MODE, PPPOE_MODE,
    IP_ADDRESS, SUBNET, GATEWAY, DNS_SERVER,
    PREFERRED_VOCODER, PCMU, PCMA, ILBC, G726, G723, G729, OPUS,
    MAC_ADDRESS, WAN_WEB_ACCESS, ENABLED, DISABLED, AUTO,
    FIRMWARE_SERVER, CONFIG_SERVER, UPGRADE_PROTOCOL, TFTP, HTTP, HTTPS, FTP, FTPS,
    FIRMWARE_VERSION, UPGRADE_MODE, ALWAYS_CHECK, CHECK_WHEN_CHANGED, NEVER_UPGRADE,
    DIRECT_IP_CALLING, VOICE_MAIL, RESET,
    DOT,
    DIGIT_0, DIGIT_1, DIGIT_2, DIGIT_3, DIGIT_4, DIGIT_5, DIGIT_6, DIGIT_7, DIGIT_8, DIGIT_9,
    LETTER_A, LETTER_B, LETTER_C, LETTER_D, LETTER_E, LETTER_F;

    /** The prompt's file name without {@code .wav}, and its id in the language tables. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word for one character of an address, a MAC or a version: a digit, a hex letter or the dot. */
    public static java.util.Optional<Word> forCharacter(char c) {
        char lower = Character.toLowerCase(c);
        if (lower >= '0' && lower <= '9') {
            return java.util.Optional.of(values()[DIGIT_0.ordinal() + (lower - '0')]);
        }
        if (lower >= 'a' && lower <= 'f') {
            return java.util.Optional.of(values()[LETTER_A.ordinal() + (lower - 'a')]);
        }
        return lower == '.' ? java.util.Optional.of(DOT) : java.util.Optional.empty();
    }
}
