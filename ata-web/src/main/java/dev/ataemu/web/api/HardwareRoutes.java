package dev.ataemu.web.api;

import dev.ataemu.core.device.Device;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.hal.sim.VirtualCentralOffice;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.audio.SampleSource;
import dev.ataemu.media.audio.Wav;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The emulator API's hands on the virtual hardware: the handsets, the reset button, power, the PSTN line. */
final class HardwareRoutes {

    private static final Pattern KEYS = Pattern.compile("[0-9*#A-Da-d]{1,64}");
    private static final Pattern PSTN_NUMBER = Pattern.compile("[0-9*#+]{0,32}");
    private static final int MAX_NAME = 32;

    private final Device device;

    HardwareRoutes(Device device) {
        this.device = device;
    }

    Map<String, Object> portAction(int port, String action, byte[] body, String contentType) {
        VirtualHandset handset = handsetOf(port);
        switch (action) {
            case "hook" -> {
                String state = JsonBody.parse(body).oneOf("state", "off", "on");
                if (state.equals("off")) {
                    handset.offHook();
                } else {
                    handset.onHook();
                }
                return Map.of("port", port, "hook", state);
            }
            case "flash" -> {
                int ms = JsonBody.parse(body).integer("ms", 10, 10_000, 500);
                handset.flash(ms);
                return Map.of("port", port, "flashMs", ms);
            }
            case "keys" -> {
                JsonBody json = JsonBody.parse(body);
                String digits = json.text("digits");
                if (!KEYS.matcher(digits).matches()) {
                    throw ApiException.badRequest("'digits' may hold 1 to 64 of the keys 0-9 * # A B C D, not '" + digits + "'");
                }
                int onMs = json.integer("onMs", 20, 5_000, VirtualHandset.DEFAULT_KEY_ON_MS);
                int offMs = json.integer("offMs", 20, 5_000, VirtualHandset.DEFAULT_KEY_OFF_MS);
                handset.press(digits.toUpperCase(), onMs, offMs);
                return Map.of("port", port, "digits", digits.toUpperCase(), "onMs", onMs, "offMs", offMs);
            }
            case "echo" -> {
                JsonBody json = JsonBody.parse(body);
                int returnLoss = json.integer("returnLossDb", 0, 60, 0);
                int delay = json.integer("delayMs", 0, 1000, 4);
                handset.echo(returnLoss, delay);
                return Map.of("port", port, "returnLossDb", returnLoss, "delayMs", delay);
            }
            case "mouthpiece" -> {
                handset.speak(voice(body, contentType));
                return Map.of("port", port, "mouthpiece", "set");
            }
            default -> throw ApiException.notFound("no port action " + action);
        }
    }

    byte[] earpiece(int port, String lastMs) {
        VirtualHandset handset = handsetOf(port);
        int ms = 3000;
        if (lastMs != null) {
            try {
                ms = Integer.parseInt(lastMs);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("'lastMs' must be a whole number of milliseconds from 1 to 60000");
            }
            if (ms < 1 || ms > 60_000) {
                throw ApiException.badRequest("'lastMs' is " + ms + "; it must be from 1 to 60000");
            }
        }
        return Wav.encode(handset.earpiece().last(ms));
    }

    Map<String, Object> handset(int port) {
        VirtualHandset handset = handsetOf(port);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("port", port);
        json.put("hook", handset.hook() == HookState.OFF_HOOK ? "off" : "on");
        json.put("ringing", handset.ringing());
        json.put("ringsHeard", handset.ringsHeard());
        json.put("callerId", handset.callerId().map(EventJson::callerId).orElse(null));
        json.put("messageWaitingLamp", handset.messageWaitingLamp());
        json.put("polarityReversed", handset.polarityReversed());
        json.put("loopCurrent", handset.loopCurrent());
        return json;
    }

    Map<String, Object> resetButton(JsonBody json) {
        int ms = json.integer("ms", 1, 60_000, null);
        device.scheduler().execute(() -> device.resetButton().pressFor(Duration.ofMillis(ms)));
        return Map.of("pressedMs", ms);
    }

    Map<String, Object> power(JsonBody json) {
        String state = json.oneOf("state", "on", "off");
        if (state.equals("on")) {
            device.powerOn();
        } else {
            device.powerOff();
        }
        return Map.of("power", state);
    }

    Map<String, Object> pstn() {
        VirtualCentralOffice line = pstnLine();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", line.state().name().toLowerCase());
        json.put("dialed", line.dialed());
        device.lifelineBypass().ifPresent(bypass -> json.put("lifelineBypass", bypass));
        device.fxoLine().ifPresent(fxo -> {
            json.put("fxoHook", fxo.port().hookState() == HookState.OFF_HOOK ? "off" : "on");
            json.put("ringsCounted", fxo.port().rings());
        });
        return json;
    }

    Map<String, Object> pstnRing(JsonBody json) {
        String number = json.text("number", "");
        String name = json.text("name", "");
        if (!PSTN_NUMBER.matcher(number).matches()) {
            throw ApiException.badRequest("'number' may hold up to 32 of 0-9 * # +, not '" + number + "'");
        }
        if (name.length() > MAX_NAME || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ApiException.badRequest("'name' must be up to " + MAX_NAME + " printable ASCII characters");
        }
        if (!pstnLine().ring(number, name)) {
            throw ApiException.conflict("the PSTN line is busy (" + pstnLine().state().name().toLowerCase() + ")");
        }
        return Map.of("ringing", true, "number", number, "name", name);
    }

    Map<String, Object> pstnHangUp(Optional<JsonBody> json) {
        VirtualCentralOffice line = pstnLine();
        if (json.isPresent() && json.get().has("signal")) {
            String signal = json.get().oneOf("signal", "current-disconnect", "polarity-reversal", "disconnect-tone");
            line.disconnectSignal(VirtualCentralOffice.Disconnect.valueOf(signal.toUpperCase().replace('-', '_')));
        }
        line.hangUp();
        return Map.of("hangup", true);
    }

    Map<String, Object> pstnParty(byte[] body, String contentType) {
        VirtualCentralOffice line = pstnLine();
        boolean echo = body.length > 0 && body[0] == '{' && JsonBody.parse(body).has("echo");
        if (echo) {
            if (!JsonBody.parse(body).flag("echo")) {
                throw ApiException.badRequest("'echo' must be true to make the party repeat the line");
            }
            line.echoParty();
            return Map.of("party", "echo");
        }
        line.partyAudio(voice(body, contentType));
        return Map.of("party", "set");
    }

    Map<String, Object> providerLock(JsonBody json) {
        boolean locked = json.flag("locked");
        device.providerLocked(locked);
        return Map.of("providerLocked", locked);
    }

    private VirtualHandset handsetOf(int port) {
        try {
            return device.handset(port);
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage() + "; it has no handset");
        }
    }

    private VirtualCentralOffice pstnLine() {
        return device.pstnLine().orElseThrow(() ->
                ApiException.notFound("the " + device.model().id() + " has no FXO port and no PSTN line"));
    }

    private static AudioSource voice(byte[] body, String contentType) {
        boolean wav = body.length >= 4 && body[0] == 'R' && body[1] == 'I' && body[2] == 'F' && body[3] == 'F';
        if (wav || contentType != null && contentType.startsWith("audio/")) {
            try {
                return new SampleSource(Wav.decode(body), false);
            } catch (IllegalArgumentException e) {
                throw new ApiException(415, "the WAV body cannot be used: " + e.getMessage());
            }
        }
        JsonBody json = JsonBody.parse(body);
        if (json.has("tone")) {
            String tone = json.text("tone");
            try {
                return new ToneGenerator(ToneSpec.parse(tone));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'tone' is not a Grandstream tone string: " + e.getMessage());
            }
        }
        if (json.has("silence") && json.flag("silence")) {
            return AudioSource.SILENCE;
        }
        throw ApiException.badRequest("send a WAV body (8000 Hz 16-bit mono), {\"tone\":\"f1=...\"} or {\"silence\":true}");
    }
}
