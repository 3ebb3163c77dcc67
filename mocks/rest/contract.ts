/**
 * Checks requests and answers of the msw REST mock against `docs/api/openapi.yaml`, with the validators
 * `scripts/contract-validators.mjs` compiles from the contract (ajv, ahead of time: no `new Function` in the
 * page). A request outside the contract gets the 400 a real server gives; an answer outside it is a bug in the
 * mock, reported through `onViolation` so tests fail where the mock and the contract drift apart.
 */
import * as validators from './contract-validators.generated.js';

interface ParameterInfo {
  in: 'path' | 'query' | 'header';
  type: string;
}

export interface ContractOperation {
  id: string;
  method: string;
  /** The contract's path template, e.g. `/kudos/{kudosId}/reactions/{reaction}`. */
  path: string;
  parameters: Record<string, ParameterInfo>;
  body: { required: boolean } | null;
  /** Status (or `default`) → validator name, `null` when that answer has no body. */
  responses: Record<string, string | null>;
}

type Validator = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string }[] | null;
};

export const contractOperations = validators.operations as ContractOperation[];

/** The operation an msw route (`/people/:personId/badges`, relative to the endpoint) implements. */
export function contractOperation(method: string, mockPath: string): ContractOperation {
  const path = mockPath.replace(/:([A-Za-z]+)/g, '{$1}');
  const operation = contractOperations.find(
    (candidate) => candidate.method === method.toUpperCase() && candidate.path === path,
  );
  if (!operation)
    throw new Error(`The REST mock answers ${method} ${path}, which docs/api/openapi.yaml lacks.`);
  return operation;
}

function check(name: string, data: unknown, where: string): string | null {
  const validate = (validators as unknown as Record<string, Validator>)[name];
  if (validate(data)) return null;
  const error = validate.errors?.[0];
  return `${where}${error?.instancePath ?? ''} ${error?.message ?? 'is invalid'}`;
}

/** Query and path values arrive as text; the contract types them. */
function typed(value: string, type: string): unknown {
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** What is wrong with a request by the contract, or `null`. */
export async function requestProblem(
  operation: ContractOperation,
  request: Request,
  pathParams: Record<string, string | readonly string[] | undefined>,
): Promise<string | null> {
  const url = new URL(request.url);
  const values: Record<string, unknown> = {};
  for (const [name, info] of Object.entries(operation.parameters)) {
    const raw =
      info.in === 'path'
        ? pathParams[name]
        : info.in === 'query'
          ? (url.searchParams.get(name) ?? undefined)
          : (request.headers.get(name) ?? undefined);
    if (typeof raw === 'string')
      values[name] = typed(info.in === 'path' ? decodeURIComponent(raw) : raw, info.type);
  }
  const parameterProblem = check(`${operation.id}_parameters`, values, 'parameter ');
  if (parameterProblem) return parameterProblem;
  if (!operation.body) return null;
  const text = await request.clone().text();
  if (!text) return operation.body.required ? 'the request needs a JSON body' : null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the request body is not JSON';
  }
  return check(`${operation.id}_body`, body, 'body');
}

/** What is wrong with an answer by the contract, or `null`. */
export async function responseProblem(
  operation: ContractOperation,
  response: Response,
): Promise<string | null> {
  if (response.type === 'error') return null; // a dropped connection has no status to check
  const status = String(response.status);
  const name = status in operation.responses ? operation.responses[status] : operation.responses.default;
  if (name === undefined) return `status ${status} is not an answer of ${operation.id}`;
  const text = await response.clone().text();
  if (name === null) return text ? `status ${status} of ${operation.id} has no body in the contract` : null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `the ${status} answer of ${operation.id} is not JSON`;
  }
  return check(name, body, `answer ${status}`);
}
