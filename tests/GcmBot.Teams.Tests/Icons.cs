namespace GcmBot.Teams.Tests;

/// <summary>
/// Draws the Teams app icons: a speaker at a lectern, with a speech mark. The colour icon is 192×192 on
/// the accent colour; the outline icon is 32×32, white on transparent, as Teams requires.
/// </summary>
public static class Icons
{
    public static byte[] Color() => Draw(192, (0x1F, 0x4E, 0x79, 0xFF), (0xFF, 0xFF, 0xFF, 0xFF));

    public static byte[] Outline() => Draw(32, (0, 0, 0, 0), (0xFF, 0xFF, 0xFF, 0xFF));

    private static byte[] Draw(int size, (byte, byte, byte, byte) background, (byte, byte, byte, byte) ink) =>
        Png.Encode(size, size, (x, y) =>
        {
            // Shapes in unit coordinates (0..1), so both sizes are the same drawing.
            var u = (x + 0.5) / size;
            var v = (y + 0.5) / size;
            var head = Math.Pow(u - 0.40, 2) + Math.Pow(v - 0.30, 2) <= 0.11 * 0.11;
            var body = u is >= 0.26 and <= 0.54 && v is >= 0.44 and <= 0.58;
            var lectern = (u is >= 0.18 and <= 0.62 && v is >= 0.58 and <= 0.66) || (u is >= 0.34 and <= 0.46 && v is >= 0.66 and <= 0.86);
            var bubble = Math.Pow((u - 0.74) / 0.16, 2) + Math.Pow((v - 0.26) / 0.11, 2) <= 1
                && !(Math.Pow((u - 0.74) / 0.11, 2) + Math.Pow((v - 0.26) / 0.06, 2) <= 1);
            return head || body || lectern || bubble ? ink : background;
        });
}
