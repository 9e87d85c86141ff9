package dev.ataemu.web.ui;

import dev.ataemu.core.config.ConfigFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Uploading a configuration file from the browser (INTERFACES 2.1, {@code cfg_page} and
 * {@code upload_cfg}): text or XML, taken whole or refused whole.
 */
final class ConfigUpload {

    static final int MAX_BYTES = 1024 * 1024;
    /** Room for a multipart form's boundaries and part headers around the file. */
    private static final int FORM_OVERHEAD = 64 * 1024;

    private ConfigUpload() {
    }

    static String form(String token) {
        String action = "/cgi-bin/upload_cfg" + (token.isEmpty() ? "" : "?session_token=" + token);
        return "<form method=\"post\" action=\"" + action + "\" enctype=\"multipart/form-data\" id=\"uploadForm\">\n"
                + "<p>A configuration file: binary (<code>cfg&lt;mac&gt;</code>), XML (<code>gs_provision</code>) or text "
                + "(<code>P47 = ...</code>).</p>\n"
                + "<p><input type=\"file\" name=\"file\"> <input type=\"submit\" name=\"upload\" value=\"Upload\"></p>\n"
                + "</form>\n";
    }

    /**
     * An uploaded file: the {@code file} part of a multipart form, or else the whole body, and the
     * name the browser gave it ("" when the body is the file itself).
     */
    record Upload(String name, byte[] bytes) {
    }

    /**
     * The upload, read into memory only up to {@code maxBytes} (and the form's own lines): a larger
     * one is {@link BodyTooLarge}, a form that cannot be read an {@link IOException} saying why.
     * The file's name is only ever compared, never used as a path.
     */
    static Upload content(Request request, int maxBytes) throws IOException {
        long limit = (long) maxBytes + FORM_OVERHEAD;
        if (request.getLength() > limit) {
            throw new BodyTooLarge("the upload", maxBytes);
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
            String boundary = MultiPart.extractBoundary(type);
            if (boundary == null || boundary.isEmpty()) {
                throw new IOException("the multipart form names no boundary");
            }
            MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
            parser.setMaxLength(limit);
            // Kept in memory up to the limit, so no part ever goes to a file.
            parser.setMaxMemoryFileSize(limit);
            try (MultiPartFormData.Parts parts = parser.parse(request).get()) {
                MultiPart.Part file = filePart(parts);
                if (file == null) {
                    throw new IOException("the form has no 'file' part");
                }
                if (file.getLength() > maxBytes) {
                    throw new BodyTooLarge("the file", maxBytes);
                }
                try (InputStream in = Content.Source.asInputStream(file.getContentSource())) {
                    return new Upload(file.getFileName() == null ? "" : file.getFileName(), in.readAllBytes());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("the upload was interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                throw unreadable(e.getCause(), maxBytes);
            }
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new BodyTooLarge("the file", maxBytes);
            }
            return new Upload("", body);
        }
    }

    /** The part named {@code file}; a part with no name (no Content-Disposition) is passed over. */
    private static MultiPart.Part filePart(MultiPartFormData.Parts parts) {
        for (MultiPart.Part part : parts) {
            if ("file".equals(part.getName())) {
                return part;
            }
        }
        return null;
    }

    /** Why a multipart form could not be read, in words for the page. */
    private static IOException unreadable(Throwable cause, int maxBytes) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (reason.toLowerCase().contains("max length")) {
            return new BodyTooLarge("the upload", maxBytes);
        }
        return new IOException("the multipart form could not be read (" + reason + "); send the file as the "
                + "form's 'file' part");
    }

    /** What the upload changed (pr_rs.htm): how many values, what was passed over, and a reboot when needed. */
    static String done(ConfigFiles.Applied applied, String token) {
        int changed = applied.changes().changes().size();
        StringBuilder body = new StringBuilder("<p id=\"uploaded\">The configuration file was applied: ").append(changed)
                .append(changed == 1 ? " value" : " values").append(" changed.</p>\n");
        if (!applied.ignored().isEmpty()) {
            body.append("<p class=\"note\">Passed over (no such P-value on this model): ")
                    .append(Html.escape(String.join(", ", applied.ignored()))).append("</p>\n");
        }
        if (applied.changes().rebootRequired()) {
            body.append("<p>Some of the changes need a reboot to take effect.</p>\n").append(LoginPages.rebootForm(token));
        }
        return Html.page("Upload Configuration", "", body.toString());
    }
}
