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
    }

    /// <summary>Row i's entries are [Start[i], Start[i + 1]).</summary>
    public int[] Start { get; }

    public int[] Columns { get; }

    public double[] Values { get; }
}
