import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeDto, TaskDto } from '../dto/responses.dto';
import { DirectoryQueries, GetMyNotifications, GetMyTasks, MarkNotificationRead, UserContext } from '../../../../libs/cases/src';
import { validateBody } from '../errors/validate-body';
import { ApiProblems } from '../dto/api-problems.decorator';
import { NotificationsQueryDto } from '../dto/notifications.query.dto';
import { NotificationDto, NotificationPageDto } from '../dto/notifications.dto';
import { UuidParam } from './uuid-param.pipe';
import { CurrentUser } from '../auth/current-user.decorator';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly directory: DirectoryQueries,
    private readonly tasks: GetMyTasks,
    private readonly notifications: GetMyNotifications,
    private readonly markRead: MarkNotificationRead,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user, their roles and units' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: UserContext) {
    return this.directory.me(user);
  }

  @Get('tasks')
  @ApiOperation({ summary: 'What I must do now: my pending deadlines across cases, soonest first' })
  @ApiOkResponse({ type: [TaskDto] })
  myTasks(@CurrentUser() user: UserContext) {
    return this.tasks.execute(user);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first (reminders, overdue, escalations, owner informed)' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(401, 422)
  async myNotifications(@CurrentUser() user: UserContext, @Query() query: NotificationsQueryDto) {
    const q = await validateBody(NotificationsQueryDto, { ...(query as object) }, '(query)');
    return this.notifications.execute(user, q);
  }

  @Post('notifications/:notificationId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems(401, 404)
  read(@CurrentUser() user: UserContext, @Param('notificationId', UuidParam) id: string) {
    return this.markRead.execute(user, id);
  }
}
