namespace Tributary.Bench.Workloads;

/// <summary>The work each benchmark task does: copy its input and bump the first byte, so the final output checks the whole chain ran.</summary>
public static class Payloads
{
    public static byte[] Create(int size) => new byte[size];

    public static byte[] Next(byte[] input)
    {
        var output = (byte[])input.Clone();
        output[0] = unchecked((byte)(output[0] + 1));
        return output;
    }

    /// <summary>The fan-in: checks every branch ran once on the root's value, gives the total length.</summary>
    public static long Reduce(IReadOnlyList<byte[]> branches)
    {
        foreach (var branch in branches)
        {
            if (branch[0] != 1)
            {
                throw new InvalidOperationException($"A branch gave {branch[0]}, expected 1.");
            }
        }

        return branches.Sum(b => (long)b.Length);
    }
}
