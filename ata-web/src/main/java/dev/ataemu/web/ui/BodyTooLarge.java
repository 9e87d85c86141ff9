package dev.ataemu.web.ui;

import java.io.IOException;

/** A request body over what its page takes: refused with 413 before it is kept whole. */
final class BodyTooLarge extends IOException {

    BodyTooLarge(String what, long maxBytes) {
        super(what + " is larger than the " + maxBytes + " bytes this page takes; nothing was changed");
    }
}
