namespace Worker.Api;

/// <summary>A webhook the receiver did not accept; its message is what the Hangfire dashboard shows on the failed job.</summary>
public sealed class WebhookDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
