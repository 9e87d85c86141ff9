package dev.ataemu.sip.call;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.message.Response;

/**
 * What both sides of a call do alike once it is answered: our own re-INVITEs and transfers, and
 * the names of the dialog that an attended transfer needs.
 */
public abstract class DialogCall implements EstablishedCall {

    private final DialogActions actions;

    protected DialogCall(ServerCall.Context context) {
        this.actions = new DialogActions(context, this::currentDialog);
    }

    /** The call's dialog as it is now (early, confirmed), or null before there is one. */
    protected abstract Dialog currentDialog();

    /** Whether the call is answered and not over: only then may requests go in its dialog. */
    protected abstract boolean established();

    /** Our SDP changed: a later session refresh repeats this one. */
    protected abstract void offered(String sdp);

    /** Our own request of this call was answered; false when the response is not one of ours. */
    protected boolean actionAnswered(javax.sip.ResponseEvent event) {
        return actions.response(event);
    }

    @Override
    public void reoffer(String sdp, ReofferListener reoffered) {
        if (!established()) {
            reoffered.failed(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        offered(sdp);
        actions.reoffer(sdp, reoffered);
    }

    @Override
    public void refer(String referTo, Referring.Listener progress) {
        if (!established()) {
            progress.progress(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        actions.refer(referTo, progress);
    }

    @Override
    public String replaces() {
        return actions.replaces();
    }

    @Override
    public String remoteUri() {
        return actions.remoteUri();
    }

    @Override
    public String remoteTarget() {
        return actions.remoteTarget();
    }

    /** A NOTIFY inside this call: how our transfer goes. */
    public void notified(RequestEvent event) throws Exception {
        actions.notified(event);
    }

    /** One of this call's requests went unanswered. */
    public void timeout(ClientTransaction transaction) {
        actions.timeout(transaction);
    }
}
