using System;

namespace NegLR;

/// <summary>
/// The buffers a noisy generated ansatz's calls need: one density matrix per light-cone segment (and the adjoint's
/// second vector), the whole-circuit density-matrix workspace for probabilities, shots and shift rules, and the
/// trajectory engine's state. Create one with the ansatz's <c>CreateNoisyWorkspace()</c> (or
/// <see cref="NoisyAnsatzRuntime.CreateWorkspace"/>) and reuse it on one thread: then no call allocates. Buffers a call
/// does not need are made on its first use.
/// </summary>
public sealed class NoisyAnsatzWorkspace
{
    private DensityMatrixWorkspace? _density;
    private TrajectoryWorkspace? _trajectory;

    internal NoisyAnsatzWorkspace(NoisyAnsatzRuntime runtime)
    {
        Runtime = runtime;
        if (runtime.Plan is { } plan)
        {
            Segments = new DensityMatrixWorkspace[plan.Segments.Length];
            for (int s = 0; s < Segments.Length; s++)
            {
                Segments[s] = plan.Segments[s].Simulator.CreateWorkspace(forGradients: false);
            }

            int angles = runtime.Angles!.Count;
            PlanPhases = new double[angles];
            PlanCosSin = new double[2 * angles];
            Prefixes = new DensityMatrixWorkspace?[plan.Prefixes.Length];
            PrefixTapes = new double[]?[plan.Prefixes.Length];
            for (int q = 0; q < Prefixes.Length; q++)
            {
                Prefixes[q] = plan.Prefixes[q]?.CreateWorkspace(forGradients: true);
                PrefixTapes[q] = plan.PrefixKernels[q] is { } prefix ? new double[prefix.TapeLength] : null;
            }
        }
        else
        {
            Segments = Array.Empty<DensityMatrixWorkspace>();
            Prefixes = Array.Empty<DensityMatrixWorkspace?>();
            PrefixTapes = Array.Empty<double[]?>();
            PlanPhases = PlanCosSin = Array.Empty<double>();
        }
    }

    internal NoisyAnsatzRuntime Runtime { get; }

    /// <summary>Number of qubits.</summary>
    public int Qubits => Runtime.Qubits;

    /// <summary>The whole-circuit density-matrix workspace (made on first use).</summary>
    public DensityMatrixWorkspace Density => _density ??= Runtime.DensityMatrix.CreateWorkspace(forGradients: Runtime.Plan is null);

    /// <summary>The trajectory engine's workspace (made on first use).</summary>
    public TrajectoryWorkspace Trajectory => _trajectory ??= Runtime.Trajectories.CreateWorkspace();

    internal DensityMatrixWorkspace[] Segments { get; }

    internal DensityMatrixWorkspace?[] Prefixes { get; }

    /// <summary>Per qubit with a prefix: the vector before and after each of its maps (<see cref="QubitPrefix"/>).</summary>
    internal double[]?[] PrefixTapes { get; }

    /// <summary>φ of every rotation in the light-cone plan (<see cref="PlanAngles"/>).</summary>
    internal double[] PlanPhases { get; }

    /// <summary>cos φ then sin φ of every rotation in the plan, as one <c>FusedKernels.CosSin</c> call writes them.</summary>
    internal double[] PlanCosSin { get; }

    /// <summary>The density matrix the last <c>Prepare</c>, probability or whole-circuit call left.</summary>
    public DensityMatrix State => Density.State;
}
