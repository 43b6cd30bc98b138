using System;
using System.Runtime.CompilerServices;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// A qubit's one-qubit prefix in a <see cref="LightConePlan"/> (the operations before it joins the register), run map by
/// map on its 4-entry Pauli vector instead of through the engine's fused steps: each rotation mixes its two digits, each
/// constant map (a channel, a fixed gate) is one 4×4 product. The vector after every map is kept on a tape, so the
/// adjoint pass reads r where it needs it and never inverts a channel (a reset or full damping needs no checkpoint).
/// </summary>
/// <remarks>
/// Why: a prefix is a few maps on four numbers, and the engine's per-call work — fusing the step's 4×4 matrix,
/// dispatching a kernel written for 4^n entries, folding M⁻¹ and Mᵀ and the step's taps in the adjoint — cost more than
/// the arithmetic. Same maps, same order, so the values equal the engine's to rounding.
/// </remarks>
internal sealed class QubitPrefix
{
    private readonly DensityMatrixSimulator _simulator;
    private readonly Op[] _ops;

    public QubitPrefix(DensityMatrixSimulator simulator)
    {
        if (simulator.Qubits != 1)
        {
            throw new ArgumentException("A qubit prefix runs on one qubit.", nameof(simulator));
        }

        _simulator = simulator;
        var program = simulator.Program;
        var ops = new System.Collections.Generic.List<Op>();
        foreach (var step in program.Steps)
        {
            foreach (var sub in step.Ops)
            {
                if (sub.IsRotation)
                {
                    var rotation = program.Rotations[sub.Rotation];
                    int word = rotation.LocalWord;
                    int u = (word & 1) != 0 ? 2 : 1;
                    ops.Add(new Op(sub.Rotation, u, u ^ word, PauliAlgebra.RotationSign(u, word), -1, -1, rotation.Weight, rotation.GradientScale));
                }
                else
                {
                    ops.Add(new Op(-1, 0, 0, 0, sub.Matrix, sub.Transposed, -1, 0));
                }
            }
        }

        _ops = ops.ToArray();
    }

    /// <summary>Doubles of tape a workspace holds for this prefix: the vector before the first map and after each.</summary>
    public int TapeLength => 4 * (_ops.Length + 1);

    /// <summary>Runs the prefix from |0⟩ and leaves its vector in <c>ws.State</c> (and every intermediate one on the tape).</summary>
    public void Run(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, DensityMatrixWorkspace ws, double[] tape)
    {
        _simulator.PrepareAngles(weights, inputs, ws, -1, 0);
        RunPrepared(ws, tape);
    }

    /// <summary><see cref="Run"/> with the angles' cosines and sines already in <paramref name="ws"/> (<see cref="PlanAngles"/>).</summary>
    public void RunPrepared(DensityMatrixWorkspace ws, double[] tape)
    {
        // The vector in four locals; each map's result written to the tape (the adjoint reads r after each map).
        var cos = ws.Cos;
        var sin = ws.Sin;
        var pool = _simulator.Program.Pool;
        var ops = _ops;
        var t = tape.AsSpan(0, TapeLength);
        double r0 = 1, r1 = 0, r2 = 1, r3 = 0;
        t[0] = r0;
        t[1] = r1;
        t[2] = r2;
        t[3] = r3;
        for (int k = 0; k < ops.Length; k++)
        {
            var op = ops[k];
            if (op.Rotation >= 0)
            {
                double c = cos[op.Rotation], s = op.Sign * sin[op.Rotation];
                // r_u ← c·r_u + σs·r_v, r_v ← c·r_v − σs·r_u for the two of the X, Z, Y entries the rotation mixes.
                switch ((op.U * 4) + op.V)
                {
                    case 6: (r1, r2) = ((c * r1) + (s * r2), (c * r2) - (s * r1)); break;
                    case 7: (r1, r3) = ((c * r1) + (s * r3), (c * r3) - (s * r1)); break;
                    case 9: (r2, r1) = ((c * r2) + (s * r1), (c * r1) - (s * r2)); break;
                    case 11: (r2, r3) = ((c * r2) + (s * r3), (c * r3) - (s * r2)); break;
                    case 13: (r3, r1) = ((c * r3) + (s * r1), (c * r1) - (s * r3)); break;
                    default: (r3, r2) = ((c * r3) + (s * r2), (c * r2) - (s * r3)); break;
                }
            }
            else
            {
                var m = pool.AsSpan(op.Matrix, 16);
                double b0 = r0, b1 = r1, b2 = r2, b3 = r3;
                r0 = ((m[0] * b0) + (m[1] * b1)) + ((m[2] * b2) + (m[3] * b3));
                r1 = ((m[4] * b0) + (m[5] * b1)) + ((m[6] * b2) + (m[7] * b3));
                r2 = ((m[8] * b0) + (m[9] * b1)) + ((m[10] * b2) + (m[11] * b3));
                r3 = ((m[12] * b0) + (m[13] * b1)) + ((m[14] * b2) + (m[15] * b3));
            }

            var after = t.Slice((4 * k) + 4, 4);
            after[0] = r0;
            after[1] = r1;
            after[2] = r2;
            after[3] = r3;
        }

        var state = ws.State.Values;
        state[0] = r0;
        state[1] = r1;
        state[2] = r2;
        state[3] = r3;
    }

    /// <summary>
    /// The adjoint pass: <paramref name="lambda"/> (4) is ∂f/∂r at the prefix's end; adds every trainable rotation's
    /// λᵀ L r to <paramref name="gradient"/>, reading r from the tape <see cref="Run"/> wrote, and carries λ back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backpropagate(Span<double> lambda, Span<double> gradient, DensityMatrixWorkspace ws, double[] tape)
    {
        // λ in four locals, backwards map by map; r after each map is read from the tape.
        var cos = ws.Cos;
        var sin = ws.Sin;
        var pool = _simulator.Program.Pool;
        var ops = _ops;
        double l0 = lambda[0], l1 = lambda[1], l2 = lambda[2], l3 = lambda[3];
        for (int k = ops.Length - 1; k >= 0; k--)
        {
            var op = ops[k];
            if (op.Rotation >= 0)
            {
                // d r'/dφ = L r' with (L r')_u = σ r'_v, (L r')_v = −σ r'_u; then λ ← Rᵀ λ.
                int pair = (op.U * 4) + op.V;
                double lu = Entry(pair >> 2, l1, l2, l3), lv = Entry(pair & 3, l1, l2, l3);
                if (op.Weight >= 0)
                {
                    var after = tape.AsSpan((4 * k) + 4, 4);
                    gradient[op.Weight] += op.GradientScale * (op.Sign * ((lu * after[op.V]) - (lv * after[op.U])));
                }

                double c = cos[op.Rotation], s = op.Sign * sin[op.Rotation];
                double nu = (c * lu) - (s * lv), nv = (c * lv) + (s * lu);
                switch (pair)
                {
                    case 6: (l1, l2) = (nu, nv); break;
                    case 7: (l1, l3) = (nu, nv); break;
                    case 9: (l2, l1) = (nu, nv); break;
                    case 11: (l2, l3) = (nu, nv); break;
                    case 13: (l3, l1) = (nu, nv); break;
                    default: (l3, l2) = (nu, nv); break;
                }

                continue;
            }

            var m = pool.AsSpan(op.Transposed, 16);
            double b0 = l0, b1 = l1, b2 = l2, b3 = l3;
            l0 = ((m[0] * b0) + (m[1] * b1)) + ((m[2] * b2) + (m[3] * b3));
            l1 = ((m[4] * b0) + (m[5] * b1)) + ((m[6] * b2) + (m[7] * b3));
            l2 = ((m[8] * b0) + (m[9] * b1)) + ((m[10] * b2) + (m[11] * b3));
            l3 = ((m[12] * b0) + (m[13] * b1)) + ((m[14] * b2) + (m[15] * b3));
        }

        lambda[0] = l0;
        lambda[1] = l1;
        lambda[2] = l2;
        lambda[3] = l3;
    }

    /// <summary>Entry <paramref name="digit"/> (1, 2 or 3) of the X, Z, Y part of a vector held in locals.</summary>
    private static double Entry(int digit, double x1, double x2, double x3) => digit == 1 ? x1 : digit == 2 ? x2 : x3;

    private readonly record struct Op(int Rotation, int U, int V, int Sign, int Matrix, int Transposed, int Weight, double GradientScale);
}
