package dev.ataemu.ivr.option;

import dev.ataemu.ivr.speech.Phrase;
import dev.ataemu.ivr.speech.Word;

/** Option 86 of the HT813 (IVR-29): "Voice mail", then the line calls the account's mailbox. */
public final class VoicemailOption implements MenuOption {

    @Override
    public String number() {
        return "86";
    }

    @Override
    public void enter(MenuContext menu) {
        menu.say(Phrase.of(Word.VOICE_MAIL), () -> menu.line().voicemail());
    }

    @Override
    public void key(char key, MenuContext menu) {
        menu.line().voicemail();
    }
}
