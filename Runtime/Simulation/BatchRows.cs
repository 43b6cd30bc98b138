using System;
using System.Threading.Tasks;

namespace NegLR;

/// <summary>Row checks and the worker split shared by every batched evaluation (interpreter and generated ansätze).</summary>
internal static class BatchRows
{
    /// <summary>Checks a row-major batch and returns its number of rows.</summary>
    public static int Count(int inputsLength, int inputStride, int minimumStride, int resultsLength)
    {
        minimumStride = Math.Max(1, minimumStride);
        if (inputStride < minimumStride)
        {
            throw new ArgumentOutOfRangeException(nameof(inputStride), inputStride, $"Each row needs at least {minimumStride} values.");
        }

        if (inputsLength % inputStride != 0)
        {
            throw new ArgumentException($"The inputs ({inputsLength} values) are not a whole number of rows of {inputStride}.", "inputs");
        }

        int rows = inputsLength / inputStride;
        if (resultsLength != rows)
        {
            throw new ArgumentException($"The results need one entry per row ({rows}), but have {resultsLength}.", "results");
        }

        return rows;
    }

    /// <summary>
    /// Runs <paramref name="body"/>(worker, row) for every row, in one contiguous chunk per worker so each worker reuses
    /// its own buffers; a row's result does not depend on the split.
    /// </summary>
    public static void ForEach(int rows, int workerCount, Action<int, int> body)
    {
        int workers = Math.Min(workerCount, rows);
        if (workers <= 1)
        {
            for (int row = 0; row < rows; row++)
            {
                body(0, row);
            }

            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            int start = (int)((long)w * rows / workers), end = (int)((long)(w + 1) * rows / workers);
            for (int row = start; row < end; row++)
            {
                body(w, row);
            }
        });
    }
}
