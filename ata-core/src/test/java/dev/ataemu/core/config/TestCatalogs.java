package dev.ataemu.core.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small hand-written catalogs, so that store tests do not depend on the shipped one. */
final class TestCatalogs {

    static final String ROWS = String.join("\n",
            "# p\tmodels\tport\tpage\tlevel\ttype\tdefault\tconstraint\tmaxlen\tcharset\treboot\tlabel\treset",
            "2\tHT502,HT813\tglobal\tADVANCED\tadmin\tpassword\tadmin\t\t30\t33..126\t0\tAdmin Password\t",
            "3\tHT502,HT813\t1\tPORT1\tadmin\tstring\t\t\t60\t\t0\tName\tvoip",
            "8\tHT502,HT813\tglobal\tBASIC\tuser\tenum\t0\t0=DHCP|1=Static IP|2=PPPoE\t\t\t1\tIP Address Mode\tisp",
            "9\tHT502,HT813\tglobal\tBASIC\tuser\tint\t0\t0..255\t\t\t1\tStatic IP Octet 1\tisp",
            "35\tHT502,HT813\t1\tPORT1\tadmin\tstring\t\t\t64\t\t0\tSIP User ID\tvoip",
            "47\tHT502,HT813\t1\tPORT1\tadmin\thost\t\t\t256\t\t0\tPrimary SIP Server\tvoip",
            "88\tHT502,HT813\tglobal\tADVANCED\tadmin\tenum\t0\t0=No|1=Yes\t\t\t0\tLock Keypad Update\t",
            "121\tHT502\tglobal\tADVANCED\tadmin\tipv4\t\t\t15\t\t0\tSome IPv4\t",
            "195\tHT813\tglobal\tBASIC\tuser\tdigits\t*00\t\t8\t\t0\tPSTN Access Code\t",
            "280\tHT502,HT813\tglobal\tADVANCED\tadmin\tstring\t\t\t4096\t\t0\tSIP TLS Certificate\t",
            "4000\tHT502,HT813\tglobal\tADVANCED\tadmin\ttone\tf1=350@-13,f2=440@-13,c=0/0;\t\t512\t\t0\tDial Tone\t",
            "4040\tHT502,HT813\tglobal\tADVANCED\tadmin\tcadence\tc=2000/4000;\t\t512\t\t0\tSystem Ring Cadence\t",
            "242\tHT502\tglobal\tADVANCED\tadmin\thex\t\t\t32\t\t0\tFirmware Key\tvoip");

    private TestCatalogs() {
    }

    static ParameterCatalog small() {
        return parse(ROWS);
    }

    static ParameterCatalog parse(String rows) {
        try {
            return ParameterCatalog.parse(new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
