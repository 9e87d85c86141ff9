package dev.ataemu.media.tone;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call-progress tone or ring cadence in Grandstream syntax:
 * {@code f1=350@-13,f2=440@-13,c=2000/4000-500/500;} or just {@code c=2000/4000;}.
 * No cadence, or {@code c=0/0}, means continuous.
 */
public record ToneSpec(List<Frequency> frequencies, List<CadenceStep> cadence) {

    public static final int MIN_HZ = 300;
    public static final int MAX_HZ = 3400;
    public static final int MAX_STEP_MS = 64000;
    private static final int MAX_FREQUENCIES = 4;

    private static final Pattern FREQUENCY = Pattern.compile("f(\\d)=(\\d{1,5})@(-?\\d{1,3}(?:\\.\\d+)?)");
    private static final Pattern CADENCE = Pattern.compile("c=(\\d{1,5}/\\d{1,5}(?:-\\d{1,5}/\\d{1,5})*)");

    public ToneSpec {
        frequencies = List.copyOf(frequencies);
        cadence = List.copyOf(cadence);
    }

    /** One sine component: its frequency and its level in dBm0. */
    public record Frequency(int hz, double dbm) {
    }

    /** One on/off step of a cadence, in milliseconds. */
    public record CadenceStep(int onMs, int offMs) {
    }

    public boolean continuous() {
        return cadence.isEmpty() || cadence.stream().allMatch(step -> step.offMs() == 0);
    }

    /** Parses a tone string, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static ToneSpec parse(String text) {
        String body = text.strip();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        if (body.isBlank()) {
            throw new IllegalArgumentException("empty tone");
        }
        List<Frequency> frequencies = new ArrayList<>();
        List<CadenceStep> cadence = new ArrayList<>();
        for (String rawPart : body.split(",", -1)) {
            String part = rawPart.strip();
            Matcher frequency = FREQUENCY.matcher(part);
            Matcher steps = CADENCE.matcher(part);
            if (frequency.matches()) {
                if (!cadence.isEmpty()) {
                    throw new IllegalArgumentException("frequencies must come before the cadence: " + part);
                }
                frequencies.add(parseFrequency(frequency, frequencies.size() + 1));
            } else if (steps.matches()) {
                if (!cadence.isEmpty()) {
                    throw new IllegalArgumentException("more than one cadence");
                }
                cadence.addAll(parseCadence(steps.group(1)));
            } else {
                throw new IllegalArgumentException("'" + part + "' is neither fN=Hz@dBm nor c=on/off");
            }
        }
        if (frequencies.size() > MAX_FREQUENCIES) {
            throw new IllegalArgumentException("at most " + MAX_FREQUENCIES + " frequencies");
        }
        return new ToneSpec(frequencies, cadence);
    }

    private static Frequency parseFrequency(Matcher m, int expectedIndex) {
        int index = Integer.parseInt(m.group(1));
        if (index != expectedIndex) {
            throw new IllegalArgumentException("expected f" + expectedIndex + " but found f" + index);
        }
        int hz = Integer.parseInt(m.group(2));
        if (hz < MIN_HZ || hz > MAX_HZ) {
            throw new IllegalArgumentException("frequency " + hz + " Hz is outside " + MIN_HZ + "-" + MAX_HZ + " Hz");
        }
        double dbm = Double.parseDouble(m.group(3));
        if (dbm < -60 || dbm > 3) {
            throw new IllegalArgumentException("level " + m.group(3) + " dBm is outside -60 to 3 dBm");
        }
        return new Frequency(hz, dbm);
    }

    private static List<CadenceStep> parseCadence(String text) {
        List<CadenceStep> steps = new ArrayList<>();
        for (String step : text.split("-")) {
            String[] onOff = step.split("/");
            int on = Integer.parseInt(onOff[0]);
            int off = Integer.parseInt(onOff[1]);
            if (on > MAX_STEP_MS || off > MAX_STEP_MS) {
                throw new IllegalArgumentException("cadence step " + step + " is longer than " + MAX_STEP_MS + " ms");
            }
            steps.add(new CadenceStep(on, off));
        }
        return steps;
    }
}
