import { Controller, Get, Headers } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ticketCategories } from '@loop/contracts';
import { preferredLanguage } from '@loop/platform';

/** A category residents can choose. */
export class CategoryResponseDto {
  @ApiProperty({ example: 'property.repair' }) code!: string;
  @ApiProperty({ example: '物业维修', description: 'Name in the language asked for' }) name!: string;
  @ApiProperty({ example: '物业维修' }) nameZh!: string;
  @ApiProperty({ example: 'Property repairs' }) nameEn!: string;
  @ApiProperty({ example: true, description: 'False for a retired category (old tickets only)' })
  active!: boolean;
}

/** The ticket category catalogue (stable codes shared with dispatch). */
@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesHttpController {
  /** Every category, in the order offered to residents. */
  @Get()
  @ApiOperation({ summary: 'The ticket categories (zh-CN names, or English with Accept-Language: en)' })
  @ApiOkResponse({ type: [CategoryResponseDto] })
  list(@Headers('accept-language') acceptLanguage: string | undefined): CategoryResponseDto[] {
    const language = preferredLanguage(acceptLanguage);
    return ticketCategories.map((category) => ({
      code: category.code,
      name: language === 'en' ? category.nameEn : category.nameZh,
      nameZh: category.nameZh,
      nameEn: category.nameEn,
      active: category.active,
    }));
  }
}
