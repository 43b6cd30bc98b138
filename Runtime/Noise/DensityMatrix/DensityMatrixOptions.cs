using System;

namespace NegLR;

/// <summary>How the density-matrix engine trades memory for the adjoint gradient's exactness.</summary>
public sealed class DensityMatrixOptions
{
    private readonly long _checkpointMemory = DensityMatrixSimulator.DefaultCheckpointMemory;
    private readonly double _maxAmplification = Simulation.DensityProgram.DefaultMaxAmplification;

    /// <summary>The defaults: 1 GiB of checkpoints, un-computing amplification at most 64.</summary>
    public static DensityMatrixOptions Default { get; } = new();

    /// <summary>
    /// Bytes the adjoint pass may spend on checkpoints: copies of the density matrix taken just before each channel it
    /// cannot safely invert. When more are needed than fit, every k-th is stored and the others are recomputed from the
    /// nearest stored one (more work, same result). 0 stores none. Default 1 GiB.
    /// </summary>
    public long CheckpointMemory
    {
        get => _checkpointMemory;
        init => _checkpointMemory = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(CheckpointMemory), value, "CheckpointMemory must be 0 or more bytes.");
    }

    /// <summary>
    /// The adjoint pass un-computes the density matrix backwards through gates (exactly: their transfer matrices are
    /// orthogonal) and through channels by their inverses, which multiplies rounding errors by up to ‖R⁻¹‖₂ each. Between
    /// two exact states the product of those factors stays at most this; a channel that would exceed it, or has no
    /// inverse, is restored from a checkpoint instead. Default 64 (rounding stays near 1e-14). At least 1.
    /// </summary>
    public double MaxUncomputeAmplification
    {
        get => _maxAmplification;
        init => _maxAmplification = value >= 1 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxUncomputeAmplification), value, "MaxUncomputeAmplification must be a finite number of at least 1.");
    }
}
