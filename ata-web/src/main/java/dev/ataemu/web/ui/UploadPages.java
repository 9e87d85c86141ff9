package dev.ataemu.web.ui;

import dev.ataemu.core.config.RejectedChangesException;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The administrator's uploads: a configuration file ({@code cfg_page}, {@code upload_cfg}) and a firmware image. */
final class UploadPages {

    private final DeviceUi ui;

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
            content = ConfigUpload.content(request);
        } catch (IOException e) {
            UiResponses.html(response, 400, Html.page("Upload Configuration", "", "<p class=\"error\">" + Html.escape(e.getMessage())
                    + "</p>"), callback);
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
        try {
            dev.ataemu.core.firmware.FirmwareImage image = FirmwareUpload.check(ui.catalog().modelId(),
                    ConfigUpload.content(request, FirmwareUpload.MAX_BYTES));
            ui.sessions.logout();
            ui.device.upgrade(image);
            UiResponses.html(response, 200, FirmwareUpload.started(image), callback);
        } catch (IOException | IllegalArgumentException e) {
            UiResponses.html(response, 400, Html.page("Upload Firmware", "", "<p class=\"error\" id=\"refused\">The firmware was "
                    + "refused and the device runs on as it was: " + Html.escape(e.getMessage()) + "</p>"), callback);
        }
    }
}
