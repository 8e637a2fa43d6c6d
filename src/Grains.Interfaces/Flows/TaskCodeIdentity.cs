using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text;

namespace Tributary.Flows;

/// <summary>
/// The identity of a task's code, for <see cref="FlowDefinition.Version"/>: the method's declaring type, name and
/// signature, and its IL body with every metadata token replaced by the name of what it refers to (so the identity
/// does not move when unrelated code of the same assembly is added), followed into the compiler-generated code the
/// method owns: an async or iterator method's state machine, nested lambdas and local functions.
/// </summary>
/// <remarks>
/// Not covered: the bodies of other methods the task calls (their names and signatures are), and values a lambda
/// captures (a closure's fields hold them at run time, not in IL). A delegate without IL (a compiled expression, a
/// dynamic method) is identified by its signature alone.
/// </remarks>
internal static class TaskCodeIdentity
{
    // Enough for any lambda with its state machine and helpers; a bound that stops a pathological walk.
    private const int MaxMethods = 64;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(op => op.Value);

    // Each method's identity, read once: a flow of 10,000 tasks that share a lambda disassembles it once, not 10,000
    // times. Weak keys, so that a flow assembly loaded into a collectible context can still be unloaded.
    private static readonly ConditionalWeakTable<MethodInfo, string> Identities = new();

    /// <summary>Adds the identity of <paramref name="method"/> and the code it owns to <paramref name="text"/>.</summary>
    /// <remarks>The identity depends on the method's metadata and IL alone, so it is computed once per method and reused.</remarks>
    public static void Write(VersionText text, MethodInfo method) =>
        text.AddLines(Identities.GetValue(method, static key =>
        {
            var own = new VersionText();
            WriteUncached(own, key);
            return own.ToString();
        }));

    private static void WriteUncached(VersionText text, MethodInfo method)
    {
        var pending = new Queue<MethodBase>();
        var seen = new HashSet<MethodBase>();
        pending.Enqueue(method);
        while (seen.Count < MaxMethods && pending.TryDequeue(out var next))
        {
            if (seen.Add(next))
            {
                WriteMethod(text, next, pending);
            }
        }
    }

    private static void WriteMethod(VersionText text, MethodBase method, Queue<MethodBase> pending)
    {
        text.Add("method", Describe(method));
        if (StateMachineOf(method) is { } moveNext)
        {
            // An async or iterator method's own body only starts its state machine: its code is in MoveNext.
            pending.Enqueue(moveNext);
        }

        MethodBody? body;
        try
        {
            body = method.GetMethodBody();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException)
        {
            body = null; // a dynamic method: no IL to read
        }

        if (body?.GetILAsByteArray() is not { } il)
        {
            text.Add("il", (string?)null);
            return;
        }

        text.Add("locals", string.Join(",", body.LocalVariables.Select(local => TypeName(local.LocalType))));
        foreach (var clause in body.ExceptionHandlingClauses)
        {
            var kind = clause.Flags switch
            {
                ExceptionHandlingClauseOptions.Clause => TypeName(clause.CatchType),
                ExceptionHandlingClauseOptions.Filter => $"filter@{clause.FilterOffset}",
                _ => clause.Flags.ToString(),
            };
            text.Add("clause", $"{kind} {clause.TryOffset}+{clause.TryLength} {clause.HandlerOffset}+{clause.HandlerLength}");
        }

        text.Add("il", Disassemble(method, il, pending));
    }

    private static MethodBase? StateMachineOf(MethodBase method)
    {
        try
        {
            return method.GetCustomAttribute<StateMachineAttribute>()?.StateMachineType
                .GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The IL as text: one instruction a line, tokens resolved to names, owned code queued for the walk.</summary>
    private static string Disassemble(MethodBase method, byte[] il, Queue<MethodBase> pending)
    {
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var text = new StringBuilder();
        var i = 0;
        while (i < il.Length)
        {
            var value = (short)il[i++];
            if (value == 0xFE && i < il.Length)
            {
                value = unchecked((short)(0xFE00 | il[i++]));
            }

            if (!OpCodesByValue.TryGetValue(value, out var op))
            {
                text.Append("?").Append(value).Append('\n');
                continue;
            }

            text.Append(op.Name);
            var size = OperandSize(op.OperandType, il, i);
            if (i + size > il.Length)
            {
                text.Append(" <truncated>");
                break;
            }

            var operand = Convert.ToHexString(il, i, size);
            var token = size == 4 ? BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(i, 4)) : 0;
            text.Append(' ').Append(op.OperandType switch
            {
                OperandType.InlineNone => string.Empty,
                OperandType.InlineString => Resolve(() => Quote(module.ResolveString(token)), operand),
                OperandType.InlineSig => Resolve(() => Convert.ToHexString(module.ResolveSignature(token)), operand),
                OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok =>
                    Resolve(() => DescribeAndFollow(module.ResolveMember(token, typeArguments, methodArguments), method, pending), operand),
                _ => operand, // constants, local and argument numbers, branch offsets
            }).Append('\n');
            i += size;
        }

        return text.ToString();
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => at + 4 <= il.Length ? 4 + (4 * BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(at, 4))) : 4,
        _ => 4,
    };

    private static string Resolve(Func<string> resolve, string operand)
    {
        try
        {
            return resolve();
        }
        catch (Exception ex) when (ex is ArgumentException or BadImageFormatException or MissingMemberException or TypeLoadException or InvalidOperationException or NotSupportedException)
        {
            return $"token:{operand}";
        }
    }

    private static string DescribeAndFollow(MemberInfo? member, MethodBase owner, Queue<MethodBase> pending)
    {
        if (member is MethodBase called && called.Module == owner.Module && IsCompilerGenerated(called))
        {
            pending.Enqueue(called);
        }

        return member is null ? "-" : Describe(member);
    }

    // Lambdas, local functions and closure classes have names the C# compiler makes up, all starting with '<'.
    private static bool IsCompilerGenerated(MethodBase method) =>
        method.Name.StartsWith('<')
        || (method.DeclaringType is { } type && (type.Name.StartsWith('<') || type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)));

    private static string Describe(MemberInfo member) => member switch
    {
        Type type => TypeName(type),
        FieldInfo field => $"{TypeName(field.DeclaringType)}::{field.Name} : {TypeName(field.FieldType)}",
        _ => $"{TypeName(member.DeclaringType)}::{member}", // a method's ToString gives its return type, name and parameter types
    };

    // Type.ToString gives namespace, name and generic arguments, without assembly versions: a patched framework or a
    // rebuilt dependency does not change a flow's version by itself.
    private static string TypeName(Type? type) => type?.ToString() ?? "-";

    private static string Quote(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
