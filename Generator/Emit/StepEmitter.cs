using NegLR.Simulation;

namespace NegLR.Generator.Emit;

/// <summary>
/// The code for one compiled step: its kernel call forwards or inverted, with every qubit, mask and constant folded
/// in, and the overlap its adjoint gradient needs. Mirrors the interpreter's executor call for call, so generated and
/// interpreted results agree to rounding.
/// </summary>
internal static class StepEmitter
{
    private const string K = "global::NegLR.Simulation.StateKernels";
    private const string M = "global::NegLR.Simulation.GateMatrices";
    private const string C = "global::System.Numerics.Complex";

    /// <summary>The angle expression over <c>w</c> (weights) and <c>x</c> (inputs); matches <c>Angle.Evaluate</c>.</summary>
    public static string AngleExpression(Angle angle)
    {
        if (angle.Source == AngleSource.Constant)
        {
            return Literals.Double(angle.Offset);
        }

        string variable = (angle.Source == AngleSource.Weight ? "w[" : "x[") + Literals.Int(angle.Index) + "]";
        return angle.Scale == 1 && angle.Offset == 0
            ? variable
            : "(" + Literals.Double(angle.Scale) + " * " + variable + " + " + Literals.Double(angle.Offset) + ")";
    }

    /// <summary>Statements applying the step (or its inverse) to the span named <paramref name="s"/>; <c>t</c> holds the angle.</summary>
    public static string Apply(in Instruction ins, string s, bool inverse)
    {
        string q = Literals.Int(ins.Q0), q1 = Literals.Int(ins.Q1), q2 = Literals.Int(ins.Q2);
        string t = inverse ? "-t" : "t";
        int pairMask = (1 << ins.Q0) | (ins.Q1 >= 0 ? 1 << ins.Q1 : 0);
        switch (ins.Kind)
        {
            case GateKind.I:
                return "// identity: nothing to do";
            case GateKind.X:
                return $"{K}.ApplyX({s}, {q});";
            case GateKind.Y:
                return $"{K}.ApplyMatrix({s}, {q}, {M}.Y);";
            case GateKind.Z:
                return $"{K}.ApplyDiagonal({s}, {q}, {C}.One, -{C}.One);";
            case GateKind.H:
                return $"{K}.ApplyRealMatrix({s}, {q}, {M}.H, {M}.H, {M}.H, -{M}.H);";
            case GateKind.S:
            case GateKind.Sdg:
                return $"{K}.ApplyDiagonal({s}, {q}, {C}.One, {((ins.Kind == GateKind.S) != inverse ? "" : "-")}{C}.ImaginaryOne);";
            case GateKind.T:
            case GateKind.Tdg:
                return $"{K}.ApplyDiagonal({s}, {q}, {C}.One, new {C}(global::System.Math.Sqrt(0.5), {((ins.Kind == GateKind.T) != inverse ? "" : "-")}global::System.Math.Sqrt(0.5)));";
            case GateKind.SX:
                return $"{K}.ApplyMatrix({s}, {q}, {M}.SX{(inverse ? ".Adjoint()" : "")});";
            case GateKind.RX:
                return $"{K}.ApplyMatrix({s}, {q}, {M}.RX({t}));";
            case GateKind.RY:
                return $"{{ double c = global::System.Math.Cos({t} / 2), sn = global::System.Math.Sin({t} / 2); {K}.ApplyRealMatrix({s}, {q}, c, -sn, sn, c); }}";
            case GateKind.RZ:
                return $"{{ double c = global::System.Math.Cos({t} / 2), sn = global::System.Math.Sin({t} / 2); {K}.ApplyDiagonal({s}, {q}, new {C}(c, -sn), new {C}(c, sn)); }}";
            case GateKind.PhaseShift:
                return $"{K}.ApplyDiagonal({s}, {q}, {C}.One, {M}.Phase({t}));";
            case GateKind.CNOT:
                return $"{K}.ApplyCNOT({s}, {q}, {q1});";
            case GateKind.CY:
                return $"{K}.ApplyControlledMatrix({s}, {q}, {q1}, {M}.Y);";
            case GateKind.CZ:
                return $"{K}.ApplyControlledPhase({s}, {Literals.Int(pairMask)}, -{C}.One);";
            case GateKind.SWAP:
                return $"{K}.ApplySwap({s}, {q}, {q1});";
            case GateKind.ISWAP:
                return $"{K}.ApplyISwap({s}, {q}, {q1}, {(inverse ? "true" : "false")});";
            case GateKind.CRX:
                return $"{K}.ApplyControlledMatrix({s}, {q}, {q1}, {M}.RX({t}));";
            case GateKind.CRY:
                return $"{K}.ApplyControlledMatrix({s}, {q}, {q1}, {M}.RY({t}));";
            case GateKind.CRZ:
                return $"{K}.ApplyControlledMatrix({s}, {q}, {q1}, {M}.RZ({t}));";
            case GateKind.CPhase:
                return $"{K}.ApplyControlledPhase({s}, {Literals.Int(pairMask)}, {M}.Phase({t}));";
            case GateKind.RXX:
            case GateKind.RYY:
            case GateKind.RZZ:
            case GateKind.MultiRZ:
            case GateKind.PauliRot:
                return $"{K}.ApplyPauliRotation({s}, {Literals.Int(ins.PauliX)}, {Literals.Int(ins.PauliZ)}, {Literals.Int(ins.PauliY)}, {t});";
            case GateKind.Toffoli:
                return $"{K}.ApplyToffoli({s}, {q}, {q1}, {q2});";
            case GateKind.CSWAP:
                return $"{K}.ApplySwap({s}, {q1}, {q2}, {Literals.Int(1 << ins.Q0)});";
            default:
                return $"throw new global::System.InvalidOperationException(\"NegLR cannot emit {ins.Kind}.\");";
        }
    }

    /// <summary>⟨λ|G|φ⟩ for the step's generator (the interpreter's <c>GeneratorOverlap</c>).</summary>
    public static string Overlap(in Instruction ins, string lambda, string phi) => ins.Kind switch
    {
        GateKind.RX => $"{K}.SingleQubitOverlap({lambda}, {phi}, {Literals.Int(ins.Q0)}, 'X')",
        GateKind.RY => $"{K}.SingleQubitOverlap({lambda}, {phi}, {Literals.Int(ins.Q0)}, 'Y')",
        GateKind.RZ => $"{K}.SingleQubitOverlap({lambda}, {phi}, {Literals.Int(ins.Q0)}, 'Z')",
        GateKind.PhaseShift => $"{K}.SingleQubitOverlap({lambda}, {phi}, {Literals.Int(ins.Q0)}, '1')",
        _ => $"{K}.PauliOverlap({lambda}, {phi}, {Literals.Int(ins.GeneratorControl)}, {Literals.Int(ins.GeneratorX)}, {Literals.Int(ins.GeneratorZ)}, {Literals.Int(ins.GeneratorY)})",
    };
}
