package dev.ataemu.web.ui;

import dev.ataemu.core.config.RejectedChangesException;
import dev.ataemu.web.server.RequestBodies;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The administrator's uploads: a configuration file ({@code cfg_page}, {@code upload_cfg}) and a
 * firmware image. One is received at a time, so that uploads together never hold more than one
 * file's limit of memory; too large a one is refused with 413 before it is kept.
 */
final class UploadPages {

    private final DeviceUi ui;
    private final Semaphore receiving = new Semaphore(1);

    UploadPages(DeviceUi ui) {
        this.ui = ui;
    }

    void configPage(FormBody form, Request request, Response response, Callback callback) {
        Optional<WebSessions.Session> session = ui.session(request, form);
        if (session.isEmpty() || session.get().level() != WebLevel.ADMIN) {
            UiResponses.html(response, 200, LoginPages.login(ui.ht813(), ui.sessionToken(), "Log in as the administrator."), callback);
            return;
        }
        UiResponses.html(response, 200, Html.page("Upload Configuration", UiPage.STATUS.tabs(ui.catalog().modelId(), WebLevel.ADMIN),
                ConfigUpload.form(ui.ht813() ? session.get().token() : "")), callback);
    }

    /** A config file from the browser (multipart, field {@code file}) or sent as the body itself. */
    void config(FormBody form, Request request, Response response, Callback callback) {
        Optional<WebSessions.Session> session = ui.actor(form, request, response, callback, false);
        if (session.isEmpty()) {
            return;
        }
        byte[] content;
        try {
            content = receive(request, ConfigUpload.MAX_BYTES).bytes();
        } catch (IOException e) {
            refuse(request, response, callback, "Upload Configuration", e);
            return;
        }
        try {
            dev.ataemu.core.config.ConfigFiles.Applied applied = dev.ataemu.core.config.ConfigFiles.apply(ui.device.store(), content,
                    ui.device.mac().compact());
            UiResponses.html(response, 200, ConfigUpload.done(applied, ui.ht813() ? session.get().token() : ""), callback);
        } catch (IllegalArgumentException | RejectedChangesException e) {
            UiResponses.html(response, 400, Html.page("Upload Configuration", "", "<p class=\"error\" id=\"refused\">The file was "
                    + "refused and nothing changed: " + Html.escape(e.getMessage()) + "</p>"), callback);
        }
    }

    void firmwarePage(FormBody form, Request request, Response response, Callback callback) {
        Optional<WebSessions.Session> session = ui.session(request, form);
        if (session.isEmpty() || session.get().level() != WebLevel.ADMIN) {
            UiResponses.html(response, 200, LoginPages.login(ui.ht813(), ui.sessionToken(), "Log in as the administrator."), callback);
            return;
        }
        UiResponses.html(response, 200, Html.page("Upload Firmware", UiPage.STATUS.tabs(ui.catalog().modelId(), WebLevel.ADMIN),
                FirmwareUpload.form(ui.catalog().modelId(), ui.ht813() ? session.get().token() : "")), callback);
    }

    void firmware(FormBody form, Request request, Response response, Callback callback) {
        if (ui.actor(form, request, response, callback, false).isEmpty()) {
            return;
        }
        ConfigUpload.Upload upload;
        try {
            upload = receive(request, FirmwareUpload.MAX_BYTES);
        } catch (IOException e) {
            refuse(request, response, callback, "Upload Firmware", e);
            return;
        }
        try {
            dev.ataemu.core.firmware.FirmwareImage image = FirmwareUpload.check(ui.catalog().modelId(), upload);
            ui.sessions.logout();
            ui.device.upgrade(image);
            UiResponses.html(response, 200, FirmwareUpload.started(image), callback);
        } catch (IllegalArgumentException e) {
            UiResponses.html(response, 400, Html.page("Upload Firmware", "", "<p class=\"error\" id=\"refused\">The firmware was "
                    + "refused and the device runs on as it was: " + Html.escape(e.getMessage()) + "</p>"), callback);
        }
    }

    private ConfigUpload.Upload receive(Request request, int maxBytes) throws IOException {
        if (!receiving.tryAcquire()) {
            throw new Busy();
        }
        try {
            return ConfigUpload.content(request, maxBytes);
        } finally {
            receiving.release();
        }
    }

    private static void refuse(Request request, Response response, Callback callback, String title, IOException e) {
        RequestBodies.discard(request);
        int status = e instanceof BodyTooLarge ? 413 : e instanceof Busy ? 503 : 400;
        if (e instanceof Busy) {
            response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.RETRY_AFTER, "10");
        }
        UiResponses.html(response, status, Html.page(title, "", "<p class=\"error\" id=\"refused\">" + Html.escape(e.getMessage())
                + "</p>"), callback);
    }

    /** Another upload is being received. */
    private static final class Busy extends IOException {
        Busy() {
            super("another upload is being received; nothing was changed, try again when it is done");
        }
    }
}
