export interface TwilioFailures {
	status: number;
	count: number;
	/** Seconds, sent as Retry-After. */
	retryAfter?: number;
}

/** Twilio's Message resource, as the stand-in returns it. */
export interface TwilioMessage {
	sid: string;
	account_sid: string;
	api_version: string;
	to: string;
	from: string | null;
	messaging_service_sid: string | null;
	body: string;
	status: string;
	num_segments: string;
	num_media: string;
	direction: string;
	date_created: string;
	date_updated: string;
	date_sent: string | null;
	error_code: number | null;
	error_message: string | null;
	price: string | null;
	price_unit: string;
	uri: string;
	subresource_uris: Record<string, string>;
}

export interface TwilioRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	form: Record<string, string>;
}

export interface TwilioStandin {
	port: number;
	baseUrl: string;
	messages(): TwilioMessage[];
	requests(): TwilioRequest[];
	setFailures(failures: TwilioFailures): void;
	close(): Promise<void>;
}

export function startTwilioStandin(options: {
	dir: string;
	port?: number;
	accountSid: string;
	authToken: string;
	optedOut?: string[];
	failFirst?: TwilioFailures;
}): Promise<TwilioStandin>;
