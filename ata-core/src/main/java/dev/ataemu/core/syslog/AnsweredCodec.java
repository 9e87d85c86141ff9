package dev.ataemu.core.syslog;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The codec an SDP answer settles on: the first format of its audio line, named (LOG-12). */
final class AnsweredCodec {

    private static final Pattern AUDIO = Pattern.compile("(?m)^m=audio \\d+ \\S+ (\\d+)");
    private static final Map<String, String> STATIC = Map.of("0", "PCMU", "8", "PCMA", "4", "G723", "9", "G722",
            "18", "G729", "2", "G726-32");

    private AnsweredCodec() {
    }

    static Optional<String> of(String sdp) {
        Matcher audio = AUDIO.matcher(sdp);
        if (!audio.find()) {
            return Optional.empty();
        }
        String format = audio.group(1);
        Matcher named = Pattern.compile("(?m)^a=rtpmap:" + format + " ([^/\\s]+)").matcher(sdp);
        if (named.find()) {
            return Optional.of(named.group(1));
        }
        return Optional.ofNullable(STATIC.get(format));
    }
}
