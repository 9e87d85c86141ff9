package dev.ataemu.web.ui;

import dev.ataemu.core.firmware.FirmwareImage;

/**
 * Uploading a firmware image from the browser (WEB-41; INTERFACES 2.1 {@code firmware_page} and
 * {@code upload_firmware}): the image named as the model expects ({@code ht502fw.bin}), checked
 * whole before anything is written; the device then shows the upgrade on its LEDs and reboots
 * into the new version.
 */
final class FirmwareUpload {

    static final int MAX_BYTES = 64 * 1024 * 1024;

    private FirmwareUpload() {
    }

    static String form(String model, String token) {
        String action = "/cgi-bin/upload_firmware" + (token.isEmpty() ? "" : "?session_token=" + token);
        return "<form method=\"post\" action=\"" + action + "\" enctype=\"multipart/form-data\" id=\"firmwareForm\">\n"
                + "<p>The firmware image <code>" + FirmwareImage.fileName(model) + "</code>. Loading it takes a moment, then the "
                + "device reboots into the new version.</p>\n"
                + "<p><input type=\"file\" name=\"file\"> <input type=\"submit\" name=\"upload\" value=\"Upload Firmware\">"
                + "</p>\n</form>\n";
    }

    /** The image, or why it is refused: a wrong file name, not an image, damaged, for another model. */
    static FirmwareImage check(String model, ConfigUpload.Upload upload) {
        String expected = FirmwareImage.fileName(model);
        if (!upload.name().isEmpty() && !upload.name().equalsIgnoreCase(expected)) {
            throw new IllegalArgumentException("the " + model + " takes " + expected + ", not " + upload.name());
        }
        FirmwareImage image = FirmwareImage.decode(upload.bytes());
        if (!image.model().equals(model)) {
            throw new IllegalArgumentException("the image is for an " + image.model() + ", not an " + model);
        }
        return image;
    }

    static String started(FirmwareImage image) {
        return Html.page("Upgrading", "", "<p id=\"upgrading\">The image is good: upgrading to Program -- "
                + Html.escape(image.program()) + ". The device reboots when it is written; log in again in a minute.</p>");
    }
}
