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

    /** The uploaded file: the {@code file} part of a multipart form, or else the whole body. */
    static byte[] content(Request request) throws IOException {
        return content(request, MAX_BYTES).bytes();
    }

    /** An uploaded file and the name the browser gave it ("" when the body is the file itself). */
    record Upload(String name, byte[] bytes) {
    }

    static Upload content(Request request, int maxBytes) throws IOException {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
            String boundary = MultiPart.extractBoundary(type);
            if (boundary == null) {
                throw new IOException("the multipart form names no boundary");
            }
            MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
            parser.setMaxLength(maxBytes);
            parser.setMaxMemoryFileSize(maxBytes);
            try (MultiPartFormData.Parts parts = parser.parse(request).get()) {
                MultiPart.Part file = parts.getFirst("file");
                if (file == null) {
                    throw new IOException("the form has no 'file' part");
                }
                try (InputStream in = Content.Source.asInputStream(file.getContentSource())) {
                    return new Upload(file.getFileName() == null ? "" : file.getFileName(), in.readAllBytes());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("the upload was interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("the upload could not be read: " + e.getCause().getMessage());
            }
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new IOException("a file over " + maxBytes + " bytes");
            }
            return new Upload("", body);
        }
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
