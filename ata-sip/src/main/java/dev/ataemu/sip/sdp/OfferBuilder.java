package dev.ataemu.sip.sdp;

import dev.ataemu.media.srtp.SdesCrypto;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * Writes our offers (RFC 3264 section 5): one audio m-line listing the vocoders in the account's
 * order (MEDIA-03), each with its rtpmap, then telephone-event, the packet time, SDES keys per the
 * SRTP mode, and the direction. A hold re-offer says sendonly, and with RFC 2543 hold also
 * {@code c=0.0.0.0} (CALL-14, PLAT-64).
 */
public final class OfferBuilder {

    private final MediaPreferences preferences;
    private final SecureRandom random;

    public OfferBuilder(MediaPreferences preferences, SecureRandom random) {
        this.preferences = Objects.requireNonNull(preferences);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * An offer (or re-offer) in this dialog's session; the version goes up when it differs from the
     * last description sent.
     *
     * @param local our RTP address and port as the peer must see them (a NAT IP when configured)
     * @param hold  whether this offer puts the call on hold
     */
    public Offer offer(SdpSession session, MediaAddress local, boolean hold) {
        boolean forced = preferences.srtpMode() == SrtpMode.ENABLED_AND_FORCED;
        List<SdesCrypto> crypto = preferences.srtpMode() == SrtpMode.DISABLED
                ? List.of()
                : SdesCrypto.offer(preferences.cryptoSuites(), preferences.cryptoLifetime(), random);
        int events = preferences.negotiatesEvents() ? preferences.telephoneEventType() : -1;
        MediaDescription audio = MediaDescription.audio(local.port(),
                forced ? MediaDescription.RTP_SAVP : MediaDescription.RTP_AVP,
                MediaLines.formatList(preferences.formats(), events),
                MediaLines.attributes(preferences.formats(), events, preferences.ptimeMs(), crypto, MediaLines.local(hold)));
        SessionDescription description = session.stamp(
                MediaLines.draft(session, local.address(), hold && preferences.rfc2543Hold(), List.of(audio)));
        return new Offer(description, preferences, crypto);
    }
}
