package dev.ataemu.core.line;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.tone.ToneSpec;
import java.util.List;

/**
 * Which cadence rings a call: the distinctive ring tone whose caller ID matches the caller
 * (choices 1-3, each naming ring tone 1-10), else the system ring cadence P4040.
 */
final class RingCadences {

    private static final int CHOICES = 3;

    private RingCadences() {
    }

    static List<ToneSpec.CadenceStep> forCaller(ParameterStore store, LineParameters p, CallerId caller) {
        String number = caller.number().orElse("");
        for (int choice = 0; choice < CHOICES; choice++) {
            int toneChoice = p.firstDistinctiveChoice() + 2 * choice;
            int callerIdField = toneChoice + 1;
            if (store.catalog().find(callerIdField).isEmpty()) {
                continue;
            }
            String wanted = store.get(callerIdField).strip();
            if (!wanted.isEmpty() && wanted.equals(number)) {
                int ringTone = p.firstRingTone() + store.getInt(toneChoice);
                if (store.catalog().find(ringTone).isPresent()) {
                    return ToneSpec.parse(store.get(ringTone)).cadence();
                }
            }
        }
        return ToneSpec.parse(store.get(LineParameters.SYSTEM_RING_CADENCE)).cadence();
    }
}
