import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'trygg:public';
/** Marks a route that needs no token (health, OpenAPI). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
