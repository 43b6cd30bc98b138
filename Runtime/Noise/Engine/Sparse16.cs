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
    }

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

