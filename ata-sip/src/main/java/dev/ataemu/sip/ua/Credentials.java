package dev.ataemu.sip.ua;

import dev.ataemu.sip.account.AccountSettings;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import javax.sip.ClientTransaction;

/** The account's digest credentials, for whichever realm challenges it. */
final class Credentials implements AccountManager {

    private final AccountSettings settings;

    Credentials(AccountSettings settings) {
        this.settings = settings;
    }

    @Override
    public UserCredentials getCredentials(ClientTransaction challenged, String realm) {
        return new UserCredentials() {
            @Override
            public String getUserName() {
                return settings.authUser();
            }

            @Override
            public String getPassword() {
                return settings.password();
            }

            @Override
            public String getSipDomain() {
                return realm;
            }
        };
    }
}
