using System;
using System.Runtime.CompilerServices;
using NegLR.Simulation;

namespace NegLR;

// The adjoint's per-step algebra for a one-qubit step of rotations only (the light-cone segments' one-qubit steps once
// their channels have moved into the two-qubit steps), in closed form. Why: at 2–4 qubits the general fold and taps
// (4×4 products per map, and per weight a 4×4 product with the tap's generator) cost more than the step's pass over
// the vectors. Results equal the general path's to rounding; the same code runs on every machine.
public sealed partial class DensityMatrixSimulator
{
    /// <summary>
    /// M⁻¹ and Mᵀ of a step of rotations only: both are Mᵀ (each rotation is orthogonal), M being the matrix the forward
    /// pass of this call fused into the step's scratch (<see cref="FuseOne"/>; the adjoint always follows its forward).
    /// </summary>
    /// <returns>False (nothing written) when the segment kernels are off or the step holds a constant map.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryFoldRotationsOnly(DensityStep step, DensityMatrixWorkspace ws, Span<double> inverse, Span<double> transposed)
    {
        if (!SegmentKernels || !step.RotationsOnly)
        {
            return false;
        }

        var m = ws.StepMatrices.AsSpan(step.Scratch, 16);
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                inverse[(4 * j) + i] = transposed[(4 * j) + i] = m[(4 * i) + j];
            }
        }

        return true;
    }

    /// <summary>
    /// The gradient taps of a step of rotations only from its correlation C (C_ab = Σ r_a λ_b over the X, Z, Y digits,
    /// after the step): going back from the last rotation, E = S⁻¹ C S with S the rotations after the current one, the
    /// tap of a rotation about w (rows u, v = u ⊕ w) is tr(E L) = σ(u, w) E_vu + σ(v, w) E_uv, then E ← Rᵀ E R.
    /// </summary>
    /// <returns>False (nothing added) when the segment kernels are off or the step holds a constant map.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryAddRotationTaps(DensityStep step, DensityMatrixWorkspace ws, Span<double> gradient, ReadOnlySpan<double> correlation)
    {
        if (!SegmentKernels || !step.RotationsOnly)
        {
            return false;
        }

        var ops = step.Ops;

        Span<double> e = stackalloc double[16];
        correlation[..16].CopyTo(e);
        var rotations = Program.Rotations;
        for (int j = ops.Length - 1; j >= 0; j--)
        {
            var rotation = rotations[ops[j].Rotation];
            int w = rotation.LocalWord;
            int u = rotation.PairLow, v = u ^ w;
            if (rotation.Weight >= 0)
            {
                double tap = (PauliAlgebra.RotationSign(u, w) * e[(4 * v) + u]) + (PauliAlgebra.RotationSign(v, w) * e[(4 * u) + v]);
                gradient[rotation.Weight] += rotation.GradientScale * tap;
            }

            if (j == 0)
            {
                break;
            }

            double c = ws.Cos[ops[j].Rotation], ss = rotation.PairSign * ws.Sin[ops[j].Rotation];
            for (int x = 1; x < 4; x++)
            {
                // Columns: (E R)_xu = c E_xu − ss E_xv, (E R)_xv = ss E_xu + c E_xv.
                double exu = e[(4 * x) + u], exv = e[(4 * x) + v];
                e[(4 * x) + u] = (c * exu) - (ss * exv);
                e[(4 * x) + v] = (ss * exu) + (c * exv);
            }

            for (int y = 1; y < 4; y++)
            {
                // Rows: (Rᵀ F)_uy = c F_uy − ss F_vy, (Rᵀ F)_vy = ss F_uy + c F_vy.
                double fuy = e[(4 * u) + y], fvy = e[(4 * v) + y];
                e[(4 * u) + y] = (c * fuy) - (ss * fvy);
                e[(4 * v) + y] = (ss * fuy) + (c * fvy);
            }
        }

        return true;
    }
}
