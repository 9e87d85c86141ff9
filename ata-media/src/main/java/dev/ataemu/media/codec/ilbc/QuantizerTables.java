package dev.ataemu.media.codec.ilbc;

/**
 * The scalar quantisers and fixed filters of RFC 3951: start-state amplitude and sample tables
 * (section 3.5.2), codebook gains (section 3.6.4.2), the codebook expansion filter (3.6.3), the
 * high-pass filters on input and output (3.1, 4.8) and the enhancer's resampling filters (4.6).
 */
final class QuantizerTables {

    /** The 3-bit quantiser of the scaled, all-pass filtered start state. */
    static final float[] STATE_SAMPLE = {
        -3.719849f, -2.177490f, -1.130005f, -0.309692f, 0.444214f, 1.329712f, 2.436279f, 3.983887f};

    /** log10 of the start state's peak amplitude, 6 bits. */
    static final float[] STATE_PEAK_LOG10 = {
        1.000085f, 1.071695f, 1.140395f, 1.206868f, 1.277188f, 1.351503f, 1.429380f, 1.500727f,
        1.569049f, 1.639599f, 1.707071f, 1.781531f, 1.840799f, 1.901550f, 1.956695f, 2.006750f,
        2.055474f, 2.102787f, 2.142819f, 2.183592f, 2.217962f, 2.257177f, 2.295739f, 2.332967f,
        2.369248f, 2.402792f, 2.435080f, 2.468598f, 2.503394f, 2.539284f, 2.572944f, 2.605036f,
        2.636331f, 2.668939f, 2.698780f, 2.729101f, 2.759786f, 2.789834f, 2.818679f, 2.848074f,
        2.877470f, 2.906899f, 2.936655f, 2.967804f, 3.000115f, 3.033367f, 3.066355f, 3.104231f,
        3.141499f, 3.183012f, 3.222952f, 3.265433f, 3.308441f, 3.350823f, 3.395275f, 3.442793f,
        3.490801f, 3.542514f, 3.604064f, 3.666050f, 3.740994f, 3.830749f, 3.938770f, 4.101764f};

    /** Third-stage gains (3 bits), relative to the second stage's gain. */
    static final float[] GAIN_3BIT = {
        -1.000000f, -0.659973f, -0.330017f, 0.000000f, 0.250000f, 0.500000f, 0.750000f, 1.00000f};

    /** Second-stage gains (4 bits), relative to the first stage's gain. */
    static final float[] GAIN_4BIT = {
        -1.049988f, -0.900024f, -0.750000f, -0.599976f, -0.450012f, -0.299988f, -0.150024f, 0.000000f,
        0.150024f, 0.299988f, 0.450012f, 0.599976f, 0.750000f, 0.900024f, 1.049988f, 1.200012f};

    /** First-stage gains (5 bits), always positive. */
    static final float[] GAIN_5BIT = {
        0.037476f, 0.075012f, 0.112488f, 0.150024f, 0.187500f, 0.224976f, 0.262512f, 0.299988f,
        0.337524f, 0.375000f, 0.412476f, 0.450012f, 0.487488f, 0.525024f, 0.562500f, 0.599976f,
        0.637512f, 0.674988f, 0.712524f, 0.750000f, 0.787476f, 0.825012f, 0.862488f, 0.900024f,
        0.937500f, 0.974976f, 1.012512f, 1.049988f, 1.087524f, 1.125000f, 1.162476f, 1.200012f};

    /** The filter that makes the second half of each codebook from the first. */
    static final float[] CODEBOOK_FILTER = {
        -0.034180f, 0.108887f, -0.184326f, 0.806152f, 0.713379f, -0.144043f, 0.083740f, -0.033691f};

    /** Search range of the first codebook section, per sub-block (0 = the start state's extension) and stage. */
    static final int[][] SEARCH_RANGE = {
        {58, 58, 58}, {108, 44, 44}, {108, 108, 108}, {108, 108, 108}, {108, 108, 108}};

    static final float[] HP_INPUT_ZEROS = {0.92727436f, -1.8544941f, 0.92727436f};
    static final float[] HP_INPUT_POLES = {1.0f, -1.9059465f, 0.9114024f};
    static final float[] HP_OUTPUT_ZEROS = {0.93980581f, -1.8795834f, 0.93980581f};
    static final float[] HP_OUTPUT_POLES = {1.0f, -1.9330735f, 0.93589199f};

    /** The enhancer's low-pass filter before decimating by two for the pitch search. */
    static final float[] DOWNSAMPLE_FILTER = {
        -0.066650f, 0.125000f, 0.316650f, 0.414063f, 0.316650f, 0.125000f, -0.066650f};

    /** Four polyphase filters of 7 taps: fractional delays 0, 1/4, 1/2 and 3/4 of a sample. */
    static final float[] POLYPHASE = {
        0.000000f, 0.000000f, 0.000000f, 1.000000f, 0.000000f, 0.000000f, 0.000000f,
        0.015625f, -0.076904f, 0.288330f, 0.862061f, -0.106445f, 0.018799f, -0.015625f,
        0.023682f, -0.124268f, 0.601563f, 0.601563f, -0.124268f, 0.023682f, -0.023682f,
        0.018799f, -0.106445f, 0.862061f, 0.288330f, -0.076904f, 0.015625f, -0.018799f};

    /** Where in the enhancer's buffer each block's pitch estimate applies (block centres). */
    static final float[] PITCH_LOCATIONS = {40f, 120f, 200f, 280f, 360f, 440f, 520f, 600f};

    /**
     * The autocorrelation lag window: a 60 Hz Gaussian, with 1.0001 on lag 0 as a white-noise
     * floor (section 3.2.1).
     */
    static final float[] LAG_WINDOW = {
        1.000100f, 0.998890f, 0.995569f, 0.990057f, 0.982392f, 0.972623f,
        0.960816f, 0.947047f, 0.931405f, 0.913989f, 0.894909f};

    /** The 240-sample Hann window of the first LPC analysis of a 30 ms frame. */
    static final float[] HANN_WINDOW = hann();

    /** The asymmetric window of the last analysis: a long sine-squared rise and a 20-sample cosine fall. */
    static final float[] ASYMMETRIC_WINDOW = asymmetric();

    private QuantizerTables() {
    }

    /** The RFC tabulates its windows to 16-bit precision; computing them the same way gives its values. */
    private static float q15(double w) {
        return (float) (Math.min(Math.round(w * 32768), 32767) / 32768.0);
    }

    private static float[] hann() {
        float[] w = new float[Frame.LPC_WINDOW];
        for (int i = 0; i < w.length; i++) {
            w[i] = q15(0.5 * (1 - Math.cos(2 * Math.PI * (i + 1) / (w.length + 1))));
        }
        return w;
    }

    private static float[] asymmetric() {
        float[] w = new float[Frame.LPC_WINDOW];
        int rise = 220;
        for (int i = 0; i < rise; i++) {
            double s = Math.sin(Math.PI * (i + 1) / (2 * rise));
            w[i] = q15(s * s);
        }
        for (int i = rise; i < w.length; i++) {
            w[i] = q15(Math.cos(Math.PI * (i - rise) / 40));
        }
        return w;
    }
}
