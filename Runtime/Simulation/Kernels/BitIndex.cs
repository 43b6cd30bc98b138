using System.Runtime.CompilerServices;

namespace NegLR.Simulation;

/// <summary>Index arithmetic shared by the kernels.</summary>
internal static class BitIndex
{
    /// <summary>Inserts a zero bit at <paramref name="position"/>, shifting the higher bits up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int InsertZero(int k, int position)
    {
        int low = k & ((1 << position) - 1);
        return ((k >> position) << (position + 1)) | low;
    }

    /// <summary>Inserts zero bits at two distinct positions (any order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int InsertZeros(int k, int a, int b)
    {
        // Inserting in ascending order keeps the higher position in final coordinates.
        return a < b ? InsertZero(InsertZero(k, a), b) : InsertZero(InsertZero(k, b), a);
    }

    /// <summary>Inserts zero bits at three distinct positions (any order).</summary>
    public static int InsertZeros(int k, int a, int b, int c)
    {
        // Sort the three positions ascending, then insert low to high.
        if (a > b) (a, b) = (b, a);
        if (b > c) (b, c) = (c, b);
        if (a > b) (a, b) = (b, a);
        return InsertZero(InsertZero(InsertZero(k, a), b), c);
    }
}
