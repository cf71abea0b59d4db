import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from './responses.dto';

const TEXT: Record<number, string> = {
  401: 'no token, or an invalid one',
  403: 'your role may not do this (detail says who may)',
  404: 'not found, or not visible to you',
  409: 'stale version, or not allowed in the current state',
  422: 'invalid input: errors names each field and rule',
};

/** Documents the problem+json answers an endpoint can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: TEXT[status],
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
      }),
    ),
  );
}

export { ProblemDto };
