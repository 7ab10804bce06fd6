import { Module } from '@nestjs/common';
import { CategoriesHttpController } from './categories.http-controller';

/** The category catalogue over HTTP (a plain read, no slice ceremony). */
@Module({ controllers: [CategoriesHttpController] })
export class CategoryModule {}
