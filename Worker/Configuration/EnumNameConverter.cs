using System.ComponentModel;
using System.Globalization;

namespace Worker.Configuration;

/// <summary>
/// How the configuration binder reads an enum setting: by name, ignoring case ("all" is All). The framework's converter
/// would also take numbers ("1", even "7") and lists ("Sequential, All"); this one refuses them, so the binder reports
/// the key and <see cref="WorkerConfiguration"/> turns it into one line naming the allowed values.
/// </summary>
public sealed class EnumNameConverter<T>() : EnumConverter(typeof(T)) where T : struct, Enum
{
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text && Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : throw new FormatException($"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
}
