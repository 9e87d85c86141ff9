package dev.ataemu.core.provision;

/**
 * What the HT813's status page says of provisioning (PROV-31): "Provision: Not running, Last status :
 * Downloading file from url." {@code last} is the outcome of the latest pass, or what it is doing.
 */
public record ProvisionStatus(boolean running, String last) {

    public static final ProvisionStatus NEVER_RUN = new ProvisionStatus(false, "");

    /** As the status page writes it. */
    public String text() {
        return (running ? "Running" : "Not running") + ", Last status : " + last;
    }
}
