package dev.ataemu.sip.ua;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;

/**
 * Digest challenges of incoming requests (RFC 2617): "Authenticate incoming INVITE" (P2346) and
 * SIP NOTIFY authentication (P4428). The account challenges with digest (MD5, qop auth) and lets
 * in only those who answer with its own authenticate ID and password.
 * Nonces are issued here and remembered for a while, so a replayed or invented one fails.
 */
final class DigestChallenge {

    static final String REALM = "grandstream-ata";
    private static final int REMEMBERED_NONCES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Deque<String> nonces = new ArrayDeque<>();

    /** What an INVITE's credentials amount to. */
    enum Verdict { NONE, VALID, INVALID }

    WWWAuthenticateHeader challenge(HeaderFactory headers) throws java.text.ParseException {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        nonces.addLast(nonce);
        while (nonces.size() > REMEMBERED_NONCES) {
            nonces.removeFirst();
        }
        WWWAuthenticateHeader header = headers.createWWWAuthenticateHeader("Digest");
        header.setRealm(REALM);
        header.setNonce(nonce);
        header.setAlgorithm("MD5");
        header.setQop("auth");
        return header;
    }

    Verdict check(Request request, String user, String password) {
        AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (authorization == null) {
            return Verdict.NONE;
        }
        String nonce = authorization.getNonce();
        if (nonce == null || !nonces.contains(nonce) || !user.equals(authorization.getUsername())
                || !REALM.equals(authorization.getRealm()) || authorization.getResponse() == null
                || authorization.getURI() == null) {
            return Verdict.INVALID;
        }
        String ha1 = md5(user + ":" + REALM + ":" + password);
        String ha2 = md5(request.getMethod() + ":" + authorization.getURI());
        String qop = authorization.getQop();
        String expected = qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + String.format("%08x", authorization.getNonceCount()) + ":"
                        + authorization.getCNonce() + ":" + qop + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.getResponse().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        nonces.remove(nonce);
        return Verdict.VALID;
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
