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

    /// <summary>The fan-in: checks every branch ran <paramref name="steps"/> tasks on the root's value, gives the total length.</summary>
    public static long Reduce(IReadOnlyList<byte[]> branches, int steps = 1)
    {
        foreach (var branch in branches)
        {
            if (branch[0] != unchecked((byte)steps))
            {
                throw new InvalidOperationException($"A branch gave {branch[0]}, expected {unchecked((byte)steps)}.");
            }
        }

        return branches.Sum(b => (long)b.Length);
    }
}
