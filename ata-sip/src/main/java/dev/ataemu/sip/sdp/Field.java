package dev.ataemu.sip.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A line this model keeps but does not interpret: {@code i= u= e= p= b= r= z= k=}, and any further
 * {@code t=} lines. {@link SessionDescription#format} puts each back in its RFC 4566 place.
 */
public record Field(char type, String value) {

    /** RFC 4566's order; t=, r= and z= share a place because each r= and z= belongs to the t= before it. */
    private static final String ORDER = "iuepb*k";

    public Field {
        if (rank(type) < 0) {
            throw new IllegalArgumentException(type + "= is not a line this model keeps as a field");
        }
        SdpText.requireText(value, type + "= value");
    }

    /** The fields in the order {@link SessionDescription#format} writes them, so that a re-read is equal. */
    static List<Field> inOrder(List<Field> fields) {
        List<Field> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparingInt(field -> rank(field.type())));
        return List.copyOf(sorted);
    }

    private static int rank(char type) {
        return type == 't' || type == 'r' || type == 'z' ? ORDER.indexOf('*') : ORDER.indexOf(type);
    }
}
