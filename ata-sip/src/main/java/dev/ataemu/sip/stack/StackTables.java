package dev.ataemu.sip.stack;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.reflect.Field;
import java.util.Map;
import javax.sip.Dialog;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what an account leaves in a shared stack when it goes, as a power cut clears the device's
 * memory: its dialogs and transactions. Otherwise a request for the old call (a BYE, or a
 * retransmitted INVITE) would still match them when the device comes back on the same port, and be
 * swallowed where the rebooted device should answer it; a new request that looks like an old one
 * (same branch, or same From tag, Call-ID, CSeq and Request-URI) would be taken for its
 * retransmission or refused as a loop; and every reboot during a call would leave its dialogs
 * behind for good. jain-sip keeps these tables to itself, so they are read by reflection.
 */
final class StackTables {

    private static final Logger LOG = LoggerFactory.getLogger(StackTables.class);
    private static final String[] DIALOGS = {"dialogTable", "earlyDialogTable"};
    private static final String[] TRANSACTIONS = {"clientTransactionTable", "serverTransactionTable"};

    private StackTables() {
    }

    static void forget(SipStack stack, SipProvider provider) {
        for (String name : DIALOGS) {
            for (Object kept : table(stack, name).values()) {
                if (kept instanceof Dialog dialog && dialog instanceof gov.nist.javax.sip.stack.SIPDialog sip
                        && sip.getSipProvider() == provider) {
                    dialog.delete();
                }
            }
        }
        for (String name : TRANSACTIONS) {
            for (Object kept : table(stack, name).values()) {
                if (kept instanceof gov.nist.javax.sip.stack.SIPTransaction transaction
                        && transaction.getSipProvider() == provider) {
                    try {
                        ((Transaction) transaction).terminate();
                    } catch (javax.sip.ObjectInUseException | RuntimeException e) {
                        LOG.debug("cannot end a transaction of a closed account: {}", e.toString());
                    }
                    // At once, with its entry in the table of merged requests: a request the next
                    // account is sent must not be taken for this one's retransmission or loop (482).
                    ((SIPTransactionStack) stack).removeTransaction(transaction);
                }
            }
        }
    }

    private static Map<?, ?> table(SipStack stack, String name) {
        try {
            Field field = SIPTransactionStack.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(stack) instanceof Map<?, ?> map ? map : Map.of();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("jain-sip's stack has no table {}: {}", name, e.toString());
            return Map.of();
        }
    }
}
