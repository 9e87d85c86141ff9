package dev.ataemu.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.SIPTransaction;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * A jain-sip stack whose messages always go over the network. Before it sends, jain-sip looks for
 * the destination among the stack's own listening points and, when it is one, hands the message
 * over inside the process ("self routing"). With many accounts on one stack that is wrong twice:
 * the message is handed to the sending account instead of the one it was sent to (the HT813's
 * phone calling its own FXO account rang nothing), and it never reaches the wire, where a packet
 * capture or the far end's syslog expects it. So the senders are told the stack has no listening
 * points of its own; jain-sip's other uses of the list are left as they are.
 */
final class WireOnlyStack extends SipStackImpl {

    private static final MessageProcessor[] NONE = new MessageProcessor[0];
    private static final StackWalker CALLERS = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    WireOnlyStack(Properties properties) throws PeerUnavailableException {
        super(properties);
    }

    @Override
    protected MessageProcessor[] getMessageProcessors() {
        Class<?> caller = CALLERS.getCallerClass();
        if (MessageChannel.class.isAssignableFrom(caller) || SIPTransaction.class.isAssignableFrom(caller)) {
            return NONE;
        }
        return super.getMessageProcessors();
    }
}
