using System;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR.Simulation;

/// <summary>Applies one compiled step (or its inverse) to a state with the matching kernel.</summary>
internal static class InstructionExecutor
{
    private static readonly Complex TPhase = new(Math.Sqrt(0.5), Math.Sqrt(0.5));

    public static void Apply(in Instruction ins, double theta, Span<Complex> s, bool inverse)
    {
        // Every parametric primitive satisfies U(θ)† = U(−θ).
        if (inverse)
        {
            theta = -theta;
        }

        switch (ins.Kind)
        {
            case GateKind.I:
                break;
            case GateKind.X:
                StateKernels.ApplyX(s, ins.Q0);
                break;
            case GateKind.Y:
                StateKernels.ApplyMatrix(s, ins.Q0, GateMatrices.Y);
                break;
            case GateKind.Z:
                StateKernels.ApplyDiagonal(s, ins.Q0, Complex.One, -Complex.One);
                break;
            case GateKind.H:
                StateKernels.ApplyRealMatrix(s, ins.Q0, GateMatrices.H, GateMatrices.H, GateMatrices.H, -GateMatrices.H);
                break;
            case GateKind.S:
            case GateKind.Sdg:
                StateKernels.ApplyDiagonal(s, ins.Q0, Complex.One, (ins.Kind == GateKind.S) != inverse ? Complex.ImaginaryOne : -Complex.ImaginaryOne);
                break;
            case GateKind.T:
            case GateKind.Tdg:
                StateKernels.ApplyDiagonal(s, ins.Q0, Complex.One, (ins.Kind == GateKind.T) != inverse ? TPhase : Complex.Conjugate(TPhase));
                break;
            case GateKind.SX:
                StateKernels.ApplyMatrix(s, ins.Q0, inverse ? GateMatrices.SX.Adjoint() : GateMatrices.SX);
                break;
            case GateKind.RX:
                StateKernels.ApplyMatrix(s, ins.Q0, GateMatrices.RX(theta));
                break;
            case GateKind.RY:
            {
                double c = Math.Cos(theta / 2), sn = Math.Sin(theta / 2);
                StateKernels.ApplyRealMatrix(s, ins.Q0, c, -sn, sn, c);
                break;
            }

            case GateKind.RZ:
            {
                double c = Math.Cos(theta / 2), sn = Math.Sin(theta / 2);
                StateKernels.ApplyDiagonal(s, ins.Q0, new Complex(c, -sn), new Complex(c, sn));
                break;
            }

            case GateKind.PhaseShift:
                StateKernels.ApplyDiagonal(s, ins.Q0, Complex.One, GateMatrices.Phase(theta));
                break;
            case GateKind.CNOT:
                StateKernels.ApplyCNOT(s, ins.Q0, ins.Q1);
                break;
            case GateKind.CY:
                StateKernels.ApplyControlledMatrix(s, ins.Q0, ins.Q1, GateMatrices.Y);
                break;
            case GateKind.CZ:
                StateKernels.ApplyControlledPhase(s, (1 << ins.Q0) | (1 << ins.Q1), -Complex.One);
                break;
            case GateKind.SWAP:
                StateKernels.ApplySwap(s, ins.Q0, ins.Q1);
                break;
            case GateKind.ISWAP:
                StateKernels.ApplyISwap(s, ins.Q0, ins.Q1, inverse);
                break;
            case GateKind.CRX:
                StateKernels.ApplyControlledMatrix(s, ins.Q0, ins.Q1, GateMatrices.RX(theta));
                break;
            case GateKind.CRY:
                StateKernels.ApplyControlledMatrix(s, ins.Q0, ins.Q1, GateMatrices.RY(theta));
                break;
            case GateKind.CRZ:
                StateKernels.ApplyControlledMatrix(s, ins.Q0, ins.Q1, GateMatrices.RZ(theta));
                break;
            case GateKind.CPhase:
                StateKernels.ApplyControlledPhase(s, (1 << ins.Q0) | (1 << ins.Q1), GateMatrices.Phase(theta));
                break;
            case GateKind.RXX:
            case GateKind.RYY:
            case GateKind.RZZ:
            case GateKind.MultiRZ:
            case GateKind.PauliRot:
                StateKernels.ApplyPauliRotation(s, ins.PauliX, ins.PauliZ, ins.PauliY, theta);
                break;
            case GateKind.Toffoli:
                StateKernels.ApplyToffoli(s, ins.Q0, ins.Q1, ins.Q2);
                break;
            case GateKind.CSWAP:
                StateKernels.ApplySwap(s, ins.Q1, ins.Q2, 1 << ins.Q0);
                break;
            default:
                // Rot and U3 never reach here: the compiler splits them.
                throw new InvalidOperationException($"No kernel for {ins.Kind}; this is a bug in NegLR.");
        }
    }
}
