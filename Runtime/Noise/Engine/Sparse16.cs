namespace NegLR.Simulation;

/// <summary>A 16×16 transfer matrix by rows of non-zero entries (column order), for the two-qubit kernels.</summary>
internal sealed class Sparse16
{
    public Sparse16(System.ReadOnlySpan<double> dense)
    {
        var start = new int[17];
        var columns = new System.Collections.Generic.List<int>();
        var values = new System.Collections.Generic.List<double>();
        for (int i = 0; i < 16; i++)
        {
            start[i] = columns.Count;
            for (int j = 0; j < 16; j++)
            {
                if (dense[(i * 16) + j] != 0)
                {
                    columns.Add(j);
                    values.Add(dense[(i * 16) + j]);
                }
            }
        }

        start[16] = columns.Count;
        Start = start;
        Columns = columns.ToArray();
        Values = values.ToArray();
        Moves = InvolutionMoves(start, Columns, Values);
        if (Columns.Length == 16 && IsOneEntryPerRow(start))
        {
            (TileFirst, TileFirstScale) = Tile(swap: false);
            (TileSecond, TileSecondScale) = Tile(swap: true);
        }
    }

    /// <summary>
    /// For a monomial matrix on a pair with qubit 0 as its first qubit: output tile position t (= d0 + 4·d1, qubit 0's
    /// digit lowest, as the entries lie in memory) reads input position <see cref="TileFirst"/>[t] scaled by
    /// <see cref="TileFirstScale"/>[t]; null when the matrix is not monomial.
    /// </summary>
    public long[]? TileFirst { get; }

    /// <summary>Scales for <see cref="TileFirst"/>.</summary>
    public double[]? TileFirstScale { get; }

    /// <summary>The same with qubit 0 as the pair's second qubit (the local digits swap).</summary>
    public long[]? TileSecond { get; }

    /// <summary>Scales for <see cref="TileSecond"/>.</summary>
    public double[]? TileSecondScale { get; }

    private static bool IsOneEntryPerRow(int[] start)
    {
        for (int i = 0; i < 16; i++)
        {
            if (start[i + 1] - start[i] != 1)
            {
                return false;
            }
        }

        return true;
    }

    private (long[] Gather, double[] Scale) Tile(bool swap)
    {
        var gather = new long[16];
        var scale = new double[16];
        for (int t = 0; t < 16; t++)
        {
            int row = swap ? SwapDigits(t) : t;
            int column = Columns[row];
            gather[t] = swap ? SwapDigits(column) : column;
            scale[t] = Values[row];
        }

        return (gather, scale);
    }

    private static int SwapDigits(int local) => ((local & 3) << 2) | (local >> 2);

    /// <summary>
    /// For a monomial matrix whose permutation is an involution: the swaps i ↔ π(i) (i &lt; π(i)) and the fixed points
    /// whose scale is not 1, each as i + 16·π(i); null otherwise.
    /// </summary>
    public int[]? Moves { get; }

    /// <summary>True when the matrix is monomial and its permutation an involution (see <see cref="Moves"/>).</summary>
    public bool IsInvolution => Moves is not null;

    private static int[]? InvolutionMoves(int[] start, int[] columns, double[] values)
    {
        if (columns.Length != 16)
        {
            return null;
        }

        for (int i = 0; i < 16; i++)
        {
            if (start[i + 1] - start[i] != 1 || columns[columns[i]] != i)
            {
                return null;
            }
        }

        var moves = new System.Collections.Generic.List<int>();
        for (int i = 0; i < 16; i++)
        {
            if (columns[i] > i || (columns[i] == i && values[i] != 1))
            {
                moves.Add(i + (16 * columns[i]));
            }
        }

        return moves.ToArray();
    }

    /// <summary>Row i's entries are [Start[i], Start[i + 1]).</summary>
    public int[] Start { get; }

    public int[] Columns { get; }

    public double[] Values { get; }
}

