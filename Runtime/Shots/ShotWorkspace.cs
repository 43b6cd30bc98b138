using System;
using System.Numerics;

namespace NegLR;

/// <summary>
/// Buffers for shot estimates on one thread: a rotated copy of the state, the cumulative-probability table and the
/// per-group shot counts. Create one with <see cref="ShotEstimator.CreateWorkspace"/> and reuse it, so estimates
/// allocate nothing.
/// </summary>
public sealed class ShotWorkspace
{
    private readonly int[] _shotsPerGroup;

    internal ShotWorkspace(int qubits, int groups)
    {
        StateVector.EnsureFits(qubits, 2);
        Qubits = qubits;
        Rotated = new Complex[1 << qubits];
        Cumulative = new double[1 << qubits];
        _shotsPerGroup = new int[groups];
    }

    /// <summary>Number of qubits the buffers hold.</summary>
    public int Qubits { get; }

    /// <summary>Shots each measurement group received in the last estimate (in <see cref="ShotEstimator.Groups"/> order).</summary>
    public ReadOnlySpan<int> ShotsPerGroup => _shotsPerGroup;

    /// <summary>The state rotated into a group's measurement basis.</summary>
    internal Complex[] Rotated { get; }

    /// <summary>Running sums of the probabilities being sampled.</summary>
    internal double[] Cumulative { get; }

    /// <summary>Writable per-group shot counts.</summary>
    internal Span<int> GroupShots => _shotsPerGroup;

    internal int GroupCapacity => _shotsPerGroup.Length;
}
